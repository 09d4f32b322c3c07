"""Command handlers: each turns a parsed request into a Reply."""
