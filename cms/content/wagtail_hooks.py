from wagtail import hooks


@hooks.register("construct_homepage_panels")
def add_create_panel(request, panels):
    from .create_panel import CreateContentPanel

    panels.append(CreateContentPanel())
