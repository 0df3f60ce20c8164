# The ZJU tie rule across a renumbering of the run queue: three children blocked on a pipe live through
# it (300 forks use up its 256 order numbers); released, they log their turns in pid order, round after round.
boot: init=schedorder
expect: ^schedorder_renumbered: ok$
expect: ^schedorder_turns: ok$
