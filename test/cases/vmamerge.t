# Adjacent VMAs that could be one are one (as Linux): mprotect of each page of a 256-page map and back,
# 256 one-page maps made in a row, a file mapped in two halves with contiguous offsets each leave one
# VMA (one [maps] line for the whole range); halves at offsets that do not follow stay two.
boot: init=vmatest dump=1 -- merge
expect: ^merge_mprotect: ok$
expect: ^merge_adjacent: ok$
expect: ^merge_file: ok$
expect: ^merge_file_apart: ok$
capture: MP ^vmamerge: mprotect (\S+)$
capture: ADJ ^vmamerge: adjacent (\S+)$
capture: FILE ^vmamerge: merge_file (\S+)$
capture: APART ^vmamerge: merge_file_apart ([0-9a-f]+)-
# [maps] lines come in address order: the apart halves (two lines), the file, the one-page maps, the 256 pages.
expect: ^\[maps\] pid 1 {APART}-[0-9a-f]{10} r--s 00000000 file +vmamerge.dat$
expect: ^\[maps\] pid 1 [0-9a-f]{10}-[0-9a-f]{10} r--s 00000000 file +vmamerge.dat$
expect: ^\[maps\] pid 1 {FILE} r--s 00000000 file +vmamerge.dat$
expect: ^\[maps\] pid 1 {ADJ} r--p 00000000 anon *$
expect: ^\[maps\] pid 1 {MP} rw-p 00000000 anon *$
