// PeriscopeCompiler module.
