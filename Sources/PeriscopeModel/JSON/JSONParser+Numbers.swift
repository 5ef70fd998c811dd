import PeriscopeDSL

/// Numbers (RFC 8259 section 6) and how each is kept: `.int`, `.double`, or `.number` text.
extension JSONParser {
    /// Reads the number at `position` and moves past it.
    ///
    /// The scan gathers up to 19 significant digits into an integer and a decimal exponent, so
    /// classifying it needs no second pass:
    /// - no fraction and no exponent, and it fits `Int`: `.int` (`-0` is `.int(0)`);
    /// - at most 15 significant digits and a power of ten up to 22: `.double`, computed exactly
    ///   (both factors are exact doubles, so one multiplication or division rounds correctly);
    /// - otherwise the standard library's correctly rounded conversion, kept as `.double` when
    ///   the written decimal is what the double's shortest description says (always so for at
    ///   most 15 significant digits in the normal range, as `DBL_DIG` is 15), else `.number`.
    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        var index = start
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw unexpected("a digit after '-'", at: index)
        }

        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var droppedNonzeroDigit = false
        var isInteger = true

        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw JSONSyntaxError("leading zeros are not allowed in numbers", at: start)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ digit
                    digits += 1
                } else {
                    exponent += 1
                    if digit != 0 { droppedNonzeroDigit = true }
                }
                index += 1
            }
        }

        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw unexpected("a digit after the decimal point", at: index)
            }
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
                if mantissa == 0, digit == 0 {
                    exponent -= 1
                } else if digits < 19 {
                    mantissa = mantissa &* 10 &+ digit
                    digits += 1
                    exponent -= 1
                } else if digit != 0 {
                    droppedNonzeroDigit = true
                }
                index += 1
            }
        }

        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            var exponentIsNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw unexpected("a digit in the exponent", at: index)
            }
            // Saturate: anything this large is far outside Double's range either way.
            var written = 0
            while index < bytes.count, isDigit(bytes[index]) {
                if written < 100_000_000 { written = written * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            exponent += exponentIsNegative ? -written : written
        }
        position = index

        if isInteger {
            // `exponent` counts digits beyond the 19th, which no `Int` has.
            if exponent == 0 {
                if !negative, mantissa <= UInt64(Int.max) { return .int(Int(mantissa)) }
                if negative, mantissa <= UInt64(Int.max) + 1 { return .int(Int(truncatingIfNeeded: 0 &- mantissa)) }
            }
            return .number(text(from: start, to: index))
        }
        if droppedNonzeroDigit { return .number(text(from: start, to: index)) }
        if mantissa == 0 { return .double(negative ? -0.0 : 0.0) }
        while mantissa % 10 == 0 {
            mantissa /= 10
            digits -= 1
            exponent += 1
        }
        if digits <= 15, exponent >= -22, exponent <= 22 {
            let magnitude = Double(mantissa)
            let value = exponent < 0 ? magnitude / JSONParser.powerOfTen(-exponent) : magnitude * JSONParser.powerOfTen(exponent)
            return .double(negative ? -value : value)
        }
        let written = text(from: start, to: index)
        guard let value = Double(written), value.isFinite else { return .number(written) }
        if digits <= 15, value.isNormal { return .double(value) }
        guard let shortest = JSONParser.decimal(of: value.magnitude.description), shortest.mantissa == mantissa, shortest.exponent == exponent else {
            return .number(written)
        }
        return .double(value)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// 10^exponent for 0...22, all exact doubles.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        withUnsafeBytes(of: exactPowersOfTen) { $0.load(fromByteOffset: exponent * MemoryLayout<Double>.stride, as: Double.self) }
    }

    private static let exactPowersOfTen: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
        Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double) = (
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    )

    /// The significant digits (without trailing zeros) and decimal exponent of a positive finite
    /// double's description (`0.05`, `1e-05`, `1.2345678901234567e+16`).
    static func decimal(of description: String) -> (mantissa: UInt64, exponent: Int)? {
        var mantissa: UInt64 = 0
        var exponent = 0
        var seenPoint = false
        var utf8 = description.utf8[...]
        while let byte = utf8.first, byte != UInt8(ascii: "e") {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            guard byte &- UInt8(ascii: "0") < 10 else { return nil }
            let digit = UInt64(byte - UInt8(ascii: "0"))
            if mantissa == 0, digit == 0 {
                if seenPoint { exponent -= 1 }
                continue
            }
            guard mantissa < UInt64.max / 10 else { return nil }
            mantissa = mantissa * 10 + digit
            if seenPoint { exponent -= 1 }
        }
        if utf8.first == UInt8(ascii: "e") {
            guard let written = Int(Substring(utf8.dropFirst())) else { return nil }
            exponent += written
        }
        guard mantissa != 0 else { return (0, 0) }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        return (mantissa, exponent)
    }
}
