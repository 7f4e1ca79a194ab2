"""What the gate knows of each language and script of the room: Arabic, Cyrillic, others."""
