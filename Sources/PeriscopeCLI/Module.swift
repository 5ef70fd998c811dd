// PeriscopeCLI module.
