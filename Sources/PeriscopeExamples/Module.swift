// PeriscopeExamples module.
