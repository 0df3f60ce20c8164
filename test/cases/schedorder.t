# The ZJU tie rule after the run queue renumbered its tasks (300 forks use up its 256 order numbers):
# three yielding children log their turns in pid order, round after round.
boot: init=schedorder
expect: ^schedorder_renumbered: ok$
expect: ^schedorder_turns: ok$
