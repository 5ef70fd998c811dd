/// The signature of a PromQL function.
public struct FunctionDescriptor: Sendable, Equatable, Hashable {
    /// The function name (`rate`).
    public var name: String
    /// The argument types; with `variadic` > 0 the last `variadic` of them are optional.
    public var argTypes: [ValueType]
    /// 0: exactly `argTypes`; n > 0: up to n trailing arguments are optional; -1: the last type repeats without limit.
    public var variadic: Int
    /// The type of the call's value.
    public var returnType: ValueType
    /// Whether the function needs `ParseOptions.enableExperimentalFunctions`.
    public var isExperimental: Bool
    /// Whether Prometheus 2.42 knows the function.
    public var availableIn242: Bool
    /// Whether Prometheus 3.x knows the function (`holt_winters` was renamed in 3.0).
    public var availableInV3: Bool

    /// Creates a function descriptor.
    public init(
        name: String, argTypes: [ValueType], variadic: Int = 0, returnType: ValueType, isExperimental: Bool = false,
        availableIn242: Bool = true, availableInV3: Bool = true
    ) {
        self.name = name
        self.argTypes = argTypes
        self.variadic = variadic
        self.returnType = returnType
        self.isExperimental = isExperimental
        self.availableIn242 = availableIn242
        self.availableInV3 = availableInV3
    }

    /// Whether the function is known at the given target.
    public func isAvailable(in target: PromQLTarget) -> Bool {
        switch target {
        case .v2_42: availableIn242
        case .v3: availableInV3
        }
    }
}

/// The table of PromQL functions (Prometheus 3.x plus `holt_winters` for 2.42).
public enum Functions {
    /// Every known function, sorted by name.
    public static let all: [FunctionDescriptor] = [
        FunctionDescriptor(name: "abs", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "absent", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "absent_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "acos", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "acosh", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "asin", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "asinh", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "atan", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "atanh", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "avg_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "ceil", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "changes", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "clamp", argTypes: [.vector, .scalar, .scalar], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "clamp_max", argTypes: [.vector, .scalar], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "clamp_min", argTypes: [.vector, .scalar], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "cos", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "cosh", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "count_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "days_in_month", argTypes: [.vector], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "day_of_month", argTypes: [.vector], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "day_of_week", argTypes: [.vector], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "day_of_year", argTypes: [.vector], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "deg", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "end", argTypes: [], variadic: 0, returnType: .scalar, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "delta", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "deriv", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "exp", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "first_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: false),
        FunctionDescriptor(name: "floor", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "histogram_avg", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: false),
        FunctionDescriptor(name: "histogram_count", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "histogram_sum", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "histogram_stddev", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: false),
        FunctionDescriptor(name: "histogram_stdvar", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: false),
        FunctionDescriptor(name: "histogram_fraction", argTypes: [.scalar, .scalar, .vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "histogram_quantile", argTypes: [.scalar, .vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "histogram_quantiles", argTypes: [.vector, .string, .scalar, .scalar], variadic: 9, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "double_exponential_smoothing", argTypes: [.matrix, .scalar, .scalar], variadic: 0, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "hour", argTypes: [.vector], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "idelta", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "increase", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "info", argTypes: [.vector, .vector], variadic: 1, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "irate", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "label_replace", argTypes: [.vector, .string, .string, .string, .string], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "label_join", argTypes: [.vector, .string, .string, .string], variadic: -1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "max_of", argTypes: [.scalar, .scalar], variadic: 0, returnType: .scalar, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "last_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "min_of", argTypes: [.scalar, .scalar], variadic: 0, returnType: .scalar, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "ln", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "log10", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "log2", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "mad_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "max_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "min_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "ts_of_first_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "ts_of_max_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "ts_of_min_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "ts_of_last_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "minute", argTypes: [.vector], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "month", argTypes: [.vector], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "pi", argTypes: [], variadic: 0, returnType: .scalar, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "predict_linear", argTypes: [.matrix, .scalar], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "present_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "quantile_over_time", argTypes: [.scalar, .matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "rad", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "range", argTypes: [], variadic: 0, returnType: .scalar, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "rate", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "resets", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "round", argTypes: [.vector, .scalar], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "scalar", argTypes: [.vector], variadic: 0, returnType: .scalar, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "sgn", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "sin", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "sinh", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "sort", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "sort_desc", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "sort_by_label", argTypes: [.vector, .string], variadic: -1, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "sort_by_label_desc", argTypes: [.vector, .string], variadic: -1, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "sqrt", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "start", argTypes: [], variadic: 0, returnType: .scalar, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "start_timestamp", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "step", argTypes: [], variadic: 0, returnType: .scalar, isExperimental: true, availableIn242: false),
        FunctionDescriptor(name: "stddev_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "stdvar_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "sum_over_time", argTypes: [.matrix], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "tan", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "tanh", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "time", argTypes: [], variadic: 0, returnType: .scalar, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "timestamp", argTypes: [.vector], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "vector", argTypes: [.scalar], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "year", argTypes: [.vector], variadic: 1, returnType: .vector, isExperimental: false, availableIn242: true),
        FunctionDescriptor(name: "holt_winters", argTypes: [.matrix, .scalar, .scalar], variadic: 0, returnType: .vector, isExperimental: false, availableIn242: true, availableInV3: false),
    ].sorted { $0.name < $1.name }

    /// Functions by name.
    public static let byName: [String: FunctionDescriptor] = {
        var table: [String: FunctionDescriptor] = [:]
        for function in all { table[function.name] = function }
        return table
    }()

    /// Looks a function up by name, ignoring target and experimental flags.
    public static func named(_ name: String) -> FunctionDescriptor? { byName[name] }
}
