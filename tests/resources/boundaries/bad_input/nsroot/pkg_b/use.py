from nsroot.pkg_a.inner import thing
