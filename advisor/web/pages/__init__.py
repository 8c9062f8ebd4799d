"""One package per page: form.py, view.py, view_model.py; its templates in templates/<page>/."""
