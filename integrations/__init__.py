"""Integrations written in this guide. Each subpackage is one integration."""
