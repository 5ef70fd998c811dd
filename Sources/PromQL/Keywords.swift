/// Case-insensitive keyword tables of the lexer. A word is packed, lowercased, into two
/// integers (up to 16 bytes) and matched with a `switch`, so lookups neither hash nor allocate.
enum Keywords {
    struct Key: Hashable {
        var low: UInt64
        var high: UInt64
    }

    /// Packs `word` lowercased; nil when it is longer than 16 bytes or not ASCII.
    @inline(__always)
    static func key<C: Collection>(_ word: C) -> Key? where C.Element == UInt8 {
        guard word.count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var index: UInt64 = 0
        for var byte in word {
            if byte >= 0x80 { return nil }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if index < 8 {
                low |= UInt64(byte) << (8 * index)
            } else {
                high |= UInt64(byte) << (8 * (index - 8))
            }
            index += 1
        }
        return Key(low: low, high: high)
    }


    /// The keyword kind of `word` (`.number` for `inf`/`nan`), or nil for an identifier.
    static func keyword<C: Collection>(_ word: C) -> TokenKind? where C.Element == UInt8 {
        guard word.count <= 12, let key = key(word) else { return nil }
        switch (key.low, key.high) {
        case (0x0000000000646E61, 0x0): return .land  // and
        case (0x000000000000726F, 0x0): return .lor  // or
        case (0x00007373656C6E75, 0x0): return .lunless  // unless
        case (0x000000326E617461, 0x0): return .atan2  // atan2
        case (0x00000000006D7573, 0x0): return .sum  // sum
        case (0x0000000000677661, 0x0): return .avg  // avg
        case (0x000000746E756F63, 0x0): return .count  // count
        case (0x00000000006E696D, 0x0): return .min  // min
        case (0x000000000078616D, 0x0): return .max  // max
        case (0x00000070756F7267, 0x0): return .group  // group
        case (0x0000766564647473, 0x0): return .stddev  // stddev
        case (0x0000726176647473, 0x0): return .stdvar  // stdvar
        case (0x000000006B706F74, 0x0): return .topk  // topk
        case (0x006B6D6F74746F62, 0x0): return .bottomk  // bottomk
        case (0x61765F746E756F63, 0x7365756C): return .countValues  // count_values
        case (0x656C69746E617571, 0x0): return .quantile  // quantile
        case (0x00006B74696D696C, 0x0): return .limitk  // limitk
        case (0x61725F74696D696C, 0x6F6974): return .limitRatio  // limit_ratio
        case (0x000074657366666F, 0x0): return .offset  // offset
        case (0x646568746F6F6D73, 0x0): return .smoothed  // smoothed
        case (0x6465726F68636E61, 0x0): return .anchored  // anchored
        case (0x0000000000007962, 0x0): return .by  // by
        case (0x0074756F68746977, 0x0): return .without  // without
        case (0x0000000000006E6F, 0x0): return .on  // on
        case (0x676E69726F6E6769, 0x0): return .ignoring  // ignoring
        case (0x656C5F70756F7267, 0x7466): return .groupLeft  // group_left
        case (0x69725F70756F7267, 0x746867): return .groupRight  // group_right
        case (0x000000006C6C6966, 0x0): return .fill  // fill
        case (0x66656C5F6C6C6966, 0x74): return .fillLeft  // fill_left
        case (0x6769725F6C6C6966, 0x7468): return .fillRight  // fill_right
        case (0x000000006C6F6F62, 0x0): return .bool  // bool
        case (0x0000007472617473, 0x0): return .start  // start
        case (0x0000000000646E65, 0x0): return .end  // end
        case (0x0000000070657473, 0x0): return .step  // step
        case (0x00000065676E6172, 0x0): return .range  // range
        case (0x0000666F5F78616D, 0x0): return .maxOf  // max_of
        case (0x0000666F5F6E696D, 0x0): return .minOf  // min_of
        case (0x0000000000666E69, 0x0): return .number  // inf
        case (0x00000000006E616E, 0x0): return .number  // nan
        default: return nil
        }
    }

    /// The histogram descriptor kind of `word` (series descriptions).
    static func histogramDescriptor<C: Collection>(_ word: C) -> TokenKind? where C.Element == UInt8 {
        if word.count == 18 {
            // `counter_reset_hint` is longer than a packed key.
            let expected = Array("counter_reset_hint".utf8)
            for (byte, want) in zip(word, expected) where (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != want {
                return nil
            }
            return .counterResetHintDesc
        }
        guard word.count <= 16, let key = key(word) else { return nil }
        switch (key.low, key.high) {
        case (0x00000000006D7573, 0x0): return .sumDesc  // sum
        case (0x000000746E756F63, 0x0): return .countDesc  // count
        case (0x0000616D65686373, 0x0): return .schemaDesc  // schema
        case (0x000074657366666F, 0x0): return .offsetDesc  // offset
        case (0x74657366666F5F6E, 0x0): return .negativeOffsetDesc  // n_offset
        case (0x007374656B637562, 0x0): return .bucketsDesc  // buckets
        case (0x74656B6375625F6E, 0x73): return .negativeBucketsDesc  // n_buckets
        case (0x74656B6375625F7A, 0x0): return .zeroBucketDesc  // z_bucket
        case (0x74656B6375625F7A, 0x775F): return .zeroBucketWidthDesc  // z_bucket_w
        case (0x765F6D6F74737563, 0x7365756C61): return .customValuesDesc  // custom_values
        default: return nil
        }
    }

    /// The counter-reset-hint kind of `word` (series descriptions).
    static func counterResetHint<C: Collection>(_ word: C) -> TokenKind? where C.Element == UInt8 {
        guard word.count <= 9, let key = key(word) else { return nil }
        switch (key.low, key.high) {
        case (0x006E776F6E6B6E75, 0x0): return .unknownCounterReset  // unknown
        case (0x0000007465736572, 0x0): return .counterReset  // reset
        case (0x657365725F746F6E, 0x74): return .notCounterReset  // not_reset
        case (0x0000006567756167, 0x0): return .gaugeType  // gauge
        default: return nil
        }
    }

    /// The duration-expression keyword kind of `word` (`step`, `range`, `max_of`, `min_of`).
    static func durationKeyword<C: Collection>(_ word: C) -> TokenKind? where C.Element == UInt8 {
        guard word.count <= 6, let key = key(word) else { return nil }
        switch (key.low, key.high) {
        case (0x0000000070657473, 0x0): return .step  // step
        case (0x00000065676E6172, 0x0): return .range  // range
        case (0x0000666F5F78616D, 0x0): return .maxOf  // max_of
        case (0x0000666F5F6E696D, 0x0): return .minOf  // min_of
        default: return nil
        }
    }
}
