"""Model strings resolved the way Django resolves them: ``"app_label.Model"`` by the app's
label (labels are case-sensitive, model names are not), ``"Model"`` and ``"self"`` within
the module's own app."""

from __future__ import annotations

from codehealth.django.records import DjangoApp, DjangoProject


class ModelLabels:
    """The apps of ``project`` by label, seen from ``module``."""

    def __init__(self, project: DjangoProject, module: str) -> None:
        self.project = project
        self.by_label: dict[str, DjangoApp] = {}
        for app in project.apps:
            self.by_label.setdefault(app.label, app)  # the first of a duplicate label wins
        self.internal = sorted(
            (app.name for app in project.apps if app.internal), key=len, reverse=True
        )
        self.own = self.app_of(module)

    def app_of(self, dotted: str) -> str | None:
        """The internal app ``dotted`` is in (the innermost of nested apps), or None."""
        for name in self.internal:
            if dotted == name or dotted.startswith(name + "."):
                return name
        return None

    def same_app(self, dotted: str) -> bool:
        """Whether ``dotted`` is in the module's own app."""
        return self.own is not None and self.app_of(dotted) == self.own

    def inside_internal_app(self, dotted: str) -> bool:
        """Whether ``dotted`` starts inside one of the project's apps."""
        return self.app_of(dotted) is not None

    def target(self, text: str) -> tuple[str, str]:
        """(the module a model string depends on, or ""; a note, or "")."""
        if "." not in text:
            return "", ""  # "self" or "Model": the same app
        label, _, model = text.partition(".")
        if "." in model or not label or not model:
            return "", "not an 'app_label.Model' string"
        app = self.by_label.get(label)
        if app is None:
            return "", f"no installed app has the label {label!r}"
        if not app.internal or app.name == self.own:
            return "", ""
        models = f"{app.name}.models"
        return (models if models in self.project.modules else app.name), ""
