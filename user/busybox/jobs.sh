# jobs.sh: busybox sh with processes that outlive a pipeline stage or run in the background:
# SIGPIPE ends a writer whose reader left, background jobs, kill of a sleeping background job,
# /dev/null, exit statuses of signalled commands, the `wait` builtin (it sleeps until SIGCHLD's
# handler runs), `trap` running a handler for a signal sent to the shell. Checked by test/cases/bb_jobs.t.
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
(sleep 0.1; exit 7) &
wait $!
echo "wait: $?"
sleep 0.1 &
sleep 0.2 &
wait
echo "waited for all"
trap 'echo "trapped USR1"' USR1
kill -USR1 $$
echo "after trap"
sleep 0.5
echo "all done"
exit 0
