/// The kind of a lexer token; each maps to a Prometheus `ItemType` name (`itemTypeName`).
public enum TokenKind: UInt8, Sendable, Equatable, Hashable, CaseIterable {
    /// End of input.
    case eof
    /// A lexing error; the message is in `Token.errorMessage`.
    case error
    /// A `#` comment.
    case comment
    /// An identifier without colons.
    case identifier
    /// An identifier containing a colon (`job:rate5m`).
    case metricIdentifier
    /// A number (`1`, `0x1f`, `Inf`).
    case number
    /// A duration (`5m`).
    case duration
    /// A quoted string.
    case string
    /// `(`
    case leftParen
    /// `)`
    case rightParen
    /// `{`
    case leftBrace
    /// `}`
    case rightBrace
    /// `[`
    case leftBracket
    /// `]`
    case rightBracket
    /// `,`
    case comma
    /// `=`
    case assign
    /// `:`
    case colon
    /// `;`
    case semicolon
    /// `_` in series descriptions.
    case blank
    /// `x` in series descriptions.
    case times
    /// A space in series descriptions.
    case space
    /// `{{` opening a histogram in series descriptions.
    case openHistogram
    /// `}}` closing a histogram in series descriptions.
    case closeHistogram

    /// `+`
    case add
    /// `/`
    case div
    /// `==`
    case eqlc
    /// `=~`
    case eqlRegex
    /// `>=`
    case gte
    /// `>`
    case gtr
    /// `</`
    case trimUpper
    /// `>/`
    case trimLower
    /// `and`
    case land
    /// `or`
    case lor
    /// `<`
    case lss
    /// `<=`
    case lte
    /// `unless`
    case lunless
    /// `%`
    case mod
    /// `*`
    case mul
    /// `!=`
    case neq
    /// `!~`
    case neqRegex
    /// `^`
    case pow
    /// `-`
    case sub
    /// `@`
    case at
    /// `atan2`
    case atan2

    /// `avg`
    case avg
    /// `bottomk`
    case bottomk
    /// `count`
    case count
    /// `count_values`
    case countValues
    /// `group`
    case group
    /// `max`
    case max
    /// `min`
    case min
    /// `quantile`
    case quantile
    /// `stddev`
    case stddev
    /// `stdvar`
    case stdvar
    /// `sum`
    case sum
    /// `topk`
    case topk
    /// `limitk`
    case limitk
    /// `limit_ratio`
    case limitRatio

    /// `bool`
    case bool
    /// `by`
    case by
    /// `group_left`
    case groupLeft
    /// `group_right`
    case groupRight
    /// `fill`
    case fill
    /// `fill_left`
    case fillLeft
    /// `fill_right`
    case fillRight
    /// `ignoring`
    case ignoring
    /// `offset`
    case offset
    /// `smoothed`
    case smoothed
    /// `anchored`
    case anchored
    /// `on`
    case on
    /// `without`
    case without

    /// `start`
    case start
    /// `end`
    case end
    /// `step`
    case step
    /// `range`
    case range
    /// `max_of`
    case maxOf
    /// `min_of`
    case minOf

    /// `sum:` in histogram descriptions.
    case sumDesc
    /// `count:` in histogram descriptions.
    case countDesc
    /// `schema:` in histogram descriptions.
    case schemaDesc
    /// `offset:` in histogram descriptions.
    case offsetDesc
    /// `n_offset:` in histogram descriptions.
    case negativeOffsetDesc
    /// `buckets:` in histogram descriptions.
    case bucketsDesc
    /// `n_buckets:` in histogram descriptions.
    case negativeBucketsDesc
    /// `z_bucket:` in histogram descriptions.
    case zeroBucketDesc
    /// `z_bucket_w:` in histogram descriptions.
    case zeroBucketWidthDesc
    /// `custom_values:` in histogram descriptions.
    case customValuesDesc
    /// `counter_reset_hint:` in histogram descriptions.
    case counterResetHintDesc
    /// `unknown` counter reset hint.
    case unknownCounterReset
    /// `reset` counter reset hint.
    case counterReset
    /// `not_reset` counter reset hint.
    case notCounterReset
    /// `gauge` counter reset hint.
    case gaugeType

    /// The Prometheus `ItemType` constant name (`IDENTIFIER`, `LEFT_BRACE`, `ADD`, ...).
    public var itemTypeName: String {
        switch self {
        case .eof: "EOF"
        case .error: "ERROR"
        case .comment: "COMMENT"
        case .identifier: "IDENTIFIER"
        case .metricIdentifier: "METRIC_IDENTIFIER"
        case .number: "NUMBER"
        case .duration: "DURATION"
        case .string: "STRING"
        case .leftParen: "LEFT_PAREN"
        case .rightParen: "RIGHT_PAREN"
        case .leftBrace: "LEFT_BRACE"
        case .rightBrace: "RIGHT_BRACE"
        case .leftBracket: "LEFT_BRACKET"
        case .rightBracket: "RIGHT_BRACKET"
        case .comma: "COMMA"
        case .assign: "EQL"
        case .colon: "COLON"
        case .semicolon: "SEMICOLON"
        case .blank: "BLANK"
        case .times: "TIMES"
        case .space: "SPACE"
        case .openHistogram: "OPEN_HIST"
        case .closeHistogram: "CLOSE_HIST"
        case .add: "ADD"
        case .div: "DIV"
        case .eqlc: "EQLC"
        case .eqlRegex: "EQL_REGEX"
        case .gte: "GTE"
        case .gtr: "GTR"
        case .trimUpper: "TRIM_UPPER"
        case .trimLower: "TRIM_LOWER"
        case .land: "LAND"
        case .lor: "LOR"
        case .lss: "LSS"
        case .lte: "LTE"
        case .lunless: "LUNLESS"
        case .mod: "MOD"
        case .mul: "MUL"
        case .neq: "NEQ"
        case .neqRegex: "NEQ_REGEX"
        case .pow: "POW"
        case .sub: "SUB"
        case .at: "AT"
        case .atan2: "ATAN2"
        case .avg: "AVG"
        case .bottomk: "BOTTOMK"
        case .count: "COUNT"
        case .countValues: "COUNT_VALUES"
        case .group: "GROUP"
        case .max: "MAX"
        case .min: "MIN"
        case .quantile: "QUANTILE"
        case .stddev: "STDDEV"
        case .stdvar: "STDVAR"
        case .sum: "SUM"
        case .topk: "TOPK"
        case .limitk: "LIMITK"
        case .limitRatio: "LIMIT_RATIO"
        case .bool: "BOOL"
        case .by: "BY"
        case .groupLeft: "GROUP_LEFT"
        case .groupRight: "GROUP_RIGHT"
        case .fill: "FILL"
        case .fillLeft: "FILL_LEFT"
        case .fillRight: "FILL_RIGHT"
        case .ignoring: "IGNORING"
        case .offset: "OFFSET"
        case .smoothed: "SMOOTHED"
        case .anchored: "ANCHORED"
        case .on: "ON"
        case .without: "WITHOUT"
        case .start: "START"
        case .end: "END"
        case .step: "STEP"
        case .range: "RANGE"
        case .maxOf: "MAX_OF"
        case .minOf: "MIN_OF"
        case .sumDesc: "SUM_DESC"
        case .countDesc: "COUNT_DESC"
        case .schemaDesc: "SCHEMA_DESC"
        case .offsetDesc: "OFFSET_DESC"
        case .negativeOffsetDesc: "NEGATIVE_OFFSET_DESC"
        case .bucketsDesc: "BUCKETS_DESC"
        case .negativeBucketsDesc: "NEGATIVE_BUCKETS_DESC"
        case .zeroBucketDesc: "ZERO_BUCKET_DESC"
        case .zeroBucketWidthDesc: "ZERO_BUCKET_WIDTH_DESC"
        case .customValuesDesc: "CUSTOM_VALUES_DESC"
        case .counterResetHintDesc: "COUNTER_RESET_HINT_DESC"
        case .unknownCounterReset: "UNKNOWN_COUNTER_RESET"
        case .counterReset: "COUNTER_RESET"
        case .notCounterReset: "NOT_COUNTER_RESET"
        case .gaugeType: "GAUGE_TYPE"
        }
    }

    /// Whether it is an operator token (Prometheus `IsOperator`).
    public var isOperator: Bool { rawValue >= TokenKind.add.rawValue && rawValue <= TokenKind.atan2.rawValue }

    /// Whether it is an aggregation keyword (Prometheus `IsAggregator`).
    public var isAggregator: Bool { rawValue >= TokenKind.avg.rawValue && rawValue <= TokenKind.limitRatio.rawValue }

    /// Whether it is a keyword (Prometheus `IsKeyword`: `by`, `offset`, `bool`, ...).
    public var isKeyword: Bool { rawValue >= TokenKind.bool.rawValue && rawValue <= TokenKind.without.rawValue }

    /// Whether Prometheus has a fixed spelling for it in `ItemTypeStr` (used by error texts).
    var hasFixedSpelling: Bool {
        switch self {
        case .eof, .error, .comment, .identifier, .metricIdentifier, .number, .duration, .string: false
        case .sumDesc, .countDesc, .schemaDesc, .offsetDesc, .negativeOffsetDesc, .bucketsDesc,
            .negativeBucketsDesc, .zeroBucketDesc, .zeroBucketWidthDesc, .customValuesDesc, .counterResetHintDesc,
            .unknownCounterReset, .counterReset, .notCounterReset, .gaugeType:
            false
        default: true
        }
    }
}

/// One lexer token: its kind and byte range; error tokens carry a message.
public struct Token: Sendable, Equatable {
    /// The kind.
    public var kind: TokenKind
    /// The byte offset of the first byte.
    public var start: Int
    /// The byte offset just past the last byte.
    public var end: Int
    /// The message of an `.error` token.
    public var errorMessage: String?

    /// Creates a token.
    public init(kind: TokenKind, start: Int, end: Int, errorMessage: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.errorMessage = errorMessage
    }

    /// The byte range.
    public var range: Range<Int> { start..<end }
}

/// The lexer's internal token: a kind and a byte range, trivially copyable. The message of an
/// error token is kept by the lexer (`Lexer.errorMessage`).
struct LexToken {
    var kind: TokenKind
    var start: Int
    var end: Int

    var range: Range<Int> { start..<end }
}
