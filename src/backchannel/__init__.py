"""backchannel: a workbench for convenors of Track II dialogues."""

__version__ = "0.1.0"
