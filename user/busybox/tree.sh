# tree.sh: busybox sh, mkdir, cd, ls, mv, rm, rmdir, find on the file tree: nested directories made
# and removed, relative paths after cd, pwd, listings. Every line it prints is checked by
# test/cases/bb_tree.t.
mkdir -p /tmp/x/y/z
cd /tmp/x
echo hi > y/z/f
echo "pwd: $(pwd)"
echo "ls: $(ls y/z)"
cd y/z && echo "pwd: $(pwd) $(cat f)"
cd ../..
echo "dotdot: $(pwd)"
mv y/z/f g
echo "moved: $(ls | tr '\n' ' ') / $(ls y/z | wc -l)"
mkdir d1 d2 d3
echo "dirs: $(ls -d d* | tr '\n' ' ')"
echo "find: $(find . -type d | sort | tr '\n' ' ')"
rmdir d1 d2 d3
rm -r y
echo "left: $(ls)"
cd /
rm -r /tmp/x
echo "gone: $(ls /tmp | wc -l)"
echo "dev: $(ls /dev | tr '\n' ' ')"
mkdir /tmp/x 2>/dev/null && mkdir /tmp/x 2>/dev/null || echo "mkdir twice: $?"
rmdir /tmp/x
cd /nowhere 2>/dev/null || echo "cd: failed"
echo "done"
