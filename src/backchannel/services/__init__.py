"""Use cases. The only layer that combines store, gate, evidence and render."""
