# The system-call fuzzer (user/fuzz/), seed 3, 30,000 calls: no mismatch with its model, no panic, no
# hang (the guest-instruction budget is 1,000,000,000, about 10 times what the run needs), no leak.
# More seeds: make fuzz SEEDS=1-100 CALLS=200000.
kernel: log0
boot: init=fuzz budget=1000000000 -- 3 30000
expect: ^fuzz: seed 3: \d+ calls, \d+ checks, \d+ forks, \d+ children killed, 0 mismatches$
forbid: \[budget\]
forbid: MISMATCH
