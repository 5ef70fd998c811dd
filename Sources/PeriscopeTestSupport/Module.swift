// PeriscopeTestSupport module.
