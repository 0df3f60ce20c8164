# jobs.sh: busybox sh with processes that outlive a pipeline stage or run in the background:
# SIGPIPE ends a writer whose reader left, background jobs, kill of a sleeping background job,
# /dev/null, and exit statuses of signalled commands. Checked by test/cases/bb_jobs.t.
# (The `wait` builtin needs SIGCHLD delivered to a handler, which comes with signal handlers.)
echo "head: $(yes | head -n 3 | tr '\n' ' ')"
yes | true
echo "null: $(cat /dev/null | wc -c)"
(sleep 0.2; echo "background job done") &
echo "background started"
sleep 5 &
kill $!
echo "kill: $?"
kill 99999 2>/dev/null
echo "kill missing: $?"
sh -c 'kill -TERM $$'
echo "term: $?"
sh -c 'kill -ABRT $$'
echo "abort: $?"
sleep 0.5
echo "all done"
exit 0
