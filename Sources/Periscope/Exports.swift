@_exported import PeriscopeDSL
@_exported import PeriscopeCLI
