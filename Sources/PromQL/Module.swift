// PromQL module.
