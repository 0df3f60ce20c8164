# ^C on the console: SIGINT to the foreground process group; first a handler runs while read() waits,
# then the default action ends the process (128 + SIGINT).
boot: init=sigint
status: 130
prompt: ready> 
input: \x03
input: \x03
expect: ^console_sigint: ok$
expect: ^\[kill\] pid 1 SIGINT$
