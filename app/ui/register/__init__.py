"""The case register: its paged table model, its filters and the panel holding both."""
