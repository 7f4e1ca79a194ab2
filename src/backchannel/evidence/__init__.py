"""Evidence for the brief and the ripeness assessment: importers, charts and maps.

Readers turn a user's file into domain records (raising BadInputError naming file, row and
field); charts and maps turn records into images. Nothing here touches the store.
"""
