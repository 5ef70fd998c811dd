// PeriscopeDSL module.
