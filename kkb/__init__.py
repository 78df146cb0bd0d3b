"""Kampung KB Dashboard: registry, classification and target metrics of Kampung Keluarga Berkualitas."""
