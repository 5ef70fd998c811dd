/// Case-insensitive keyword tables of the lexer, keyed by up to 16 lowercased bytes packed into
/// two integers so lookups do not allocate.
enum Keywords {
    struct Key: Hashable {
        var low: UInt64
        var high: UInt64
    }

    /// Packs `word` lowercased; nil when it is longer than any keyword or not ASCII.
    static func key<C: Collection>(_ word: C) -> Key? where C.Element == UInt8 {
        guard word.count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var index = 0
        for var byte in word {
            if byte >= 0x80 { return nil }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if index < 8 {
                low |= UInt64(byte) << (8 * UInt64(index))
            } else {
                high |= UInt64(byte) << (8 * UInt64(index - 8))
            }
            index += 1
        }
        return Key(low: low, high: high)
    }

    private static func table(_ pairs: [(String, TokenKind)]) -> [Key: TokenKind] {
        var result: [Key: TokenKind] = [:]
        for (word, kind) in pairs {
            if let key = key(Array(word.utf8)) { result[key] = kind }
        }
        return result
    }

    private static let keywords = table([
        ("and", .land), ("or", .lor), ("unless", .lunless), ("atan2", .atan2),
        ("sum", .sum), ("avg", .avg), ("count", .count), ("min", .min), ("max", .max), ("group", .group),
        ("stddev", .stddev), ("stdvar", .stdvar), ("topk", .topk), ("bottomk", .bottomk),
        ("count_values", .countValues), ("quantile", .quantile), ("limitk", .limitk), ("limit_ratio", .limitRatio),
        ("offset", .offset), ("smoothed", .smoothed), ("anchored", .anchored), ("by", .by), ("without", .without),
        ("on", .on), ("ignoring", .ignoring), ("group_left", .groupLeft), ("group_right", .groupRight),
        ("fill", .fill), ("fill_left", .fillLeft), ("fill_right", .fillRight), ("bool", .bool),
        ("start", .start), ("end", .end), ("step", .step), ("range", .range), ("max_of", .maxOf), ("min_of", .minOf),
        ("inf", .number), ("nan", .number),
    ])

    private static let histogramDescriptors = table([
        ("sum", .sumDesc), ("count", .countDesc), ("schema", .schemaDesc), ("offset", .offsetDesc),
        ("n_offset", .negativeOffsetDesc), ("buckets", .bucketsDesc), ("n_buckets", .negativeBucketsDesc),
        ("z_bucket", .zeroBucketDesc), ("z_bucket_w", .zeroBucketWidthDesc), ("custom_values", .customValuesDesc),
        ("counter_reset_hint", .counterResetHintDesc),
    ])

    private static let counterResetHints = table([
        ("unknown", .unknownCounterReset), ("reset", .counterReset), ("not_reset", .notCounterReset),
        ("gauge", .gaugeType),
    ])

    private static let durationKeywords = table([
        ("step", .step), ("range", .range), ("max_of", .maxOf), ("min_of", .minOf),
    ])

    /// The keyword kind of `word` (`.number` for `inf`/`nan`), or nil for an identifier.
    static func keyword<C: Collection>(_ word: C) -> TokenKind? where C.Element == UInt8 {
        guard let key = key(word) else { return nil }
        return keywords[key]
    }

    /// The histogram descriptor kind of `word` (series descriptions).
    static func histogramDescriptor<C: Collection>(_ word: C) -> TokenKind? where C.Element == UInt8 {
        guard let key = key(word) else { return nil }
        return histogramDescriptors[key]
    }

    /// The counter-reset-hint kind of `word` (series descriptions).
    static func counterResetHint<C: Collection>(_ word: C) -> TokenKind? where C.Element == UInt8 {
        guard let key = key(word) else { return nil }
        return counterResetHints[key]
    }

    /// The duration-expression keyword kind of `word` (`step`, `range`, `max_of`, `min_of`).
    static func durationKeyword<C: Collection>(_ word: C) -> TokenKind? where C.Element == UInt8 {
        guard let key = key(word) else { return nil }
        return durationKeywords[key]
    }
}
