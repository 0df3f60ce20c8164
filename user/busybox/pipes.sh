# pipes.sh: busybox sh running a script: pipelines, command substitution, redirection, loops,
# conditionals, subshells and exit statuses. Every line it prints is checked by test/cases/bb_sh.t.
echo "pipe: $(echo hello world | tr a-z A-Z)"
echo "sorted: $(printf 'pear\napple\nfig\n' | sort | head -n 2 | tr '\n' ' ')"
echo "lines: $(seq 1 5000 | wc -l)"
echo "fives: $(seq 1 100 | grep -c 5)"
x=$(echo inner $(echo nested))
echo "subst: $x"
echo "to a file" > out.txt
echo "appended" >> out.txt
while read -r line; do echo "read: $line"; done < out.txt
echo "count: $(wc -l < out.txt)"
for i in 1 2 3; do echo "for: $i"; done
i=0
while [ $i -lt 4 ]; do i=$((i + 1)); done
echo "while: $i"
false
echo "false: $?"
sh -c 'exit 7'
echo "child: $?"
(echo "subshell ran"; exit 4)
echo "subshell: $?"
if grep -q appended out.txt; then echo "grep: found"; else echo "grep: missing"; fi
rm out.txt
[ -e out.txt ] || echo "rm: gone"
cat no-such-file 2>/dev/null || echo "cat: failed with $?"
echo "to stderr" 1>&2
seq 1 3 | while read -r n; do echo "piped read: $n"; done
echo "last in pipe: $(echo a b c | { read -r a b c; echo $c; })"
sleep 0.05 && echo "slept"
echo "year: $(date +%Y)"
echo "uname: $(uname -sm)"
echo done
exit 5
