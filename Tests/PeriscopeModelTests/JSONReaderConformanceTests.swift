import PeriscopeDSL
import PeriscopeModel
import Testing

/// A JSON text and its name in the style of JSONTestSuite (`y_` accepted, `n_` rejected, `i_`
/// left to implementations by RFC 8259; the name says which way this reader decides).
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]

    init(_ name: String, _ text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
    }

    init(_ name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    var testDescription: String { name }
}

/// The cases of Nicolas Seriot's JSONTestSuite that matter for a strict reader, written anew:
/// structure, whitespace, numbers, escapes, surrogates, UTF-8, nesting and the usual non-JSON
/// habits (comments, trailing commas, single quotes, `NaN`).
struct JSONReaderConformanceTests {
    static let accepted: [ConformanceCase] = [
        .init("y_array_arraysWithSpaces", "[[]   ]"),
        .init("y_array_empty", "[]"),
        .init("y_array_empty-string", #"[""]"#),
        .init("y_array_false", "[false]"),
        .init("y_array_heterogeneous", #"[null, 1, "1", {}]"#),
        .init("y_array_null", "[null]"),
        .init("y_array_with_1_and_newline", "[1\n]"),
        .init("y_array_with_leading_space", " [1]"),
        .init("y_array_with_several_null", "[1,null,null,null,2]"),
        .init("y_array_with_trailing_space", "[2] "),
        .init("y_number", "[123e65]"),
        .init("y_number_0e+1", "[0e+1]"),
        .init("y_number_0e1", "[0e1]"),
        .init("y_number_after_space", "[ 4]"),
        .init("y_number_double_close_to_zero", "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]"),
        .init("y_number_int_with_exp", "[20e1]"),
        .init("y_number_minus_zero", "[-0]"),
        .init("y_number_negative_int", "[-123]"),
        .init("y_number_negative_zero_real", "[-0.0]"),
        .init("y_number_real_capital_e", "[1E22]"),
        .init("y_number_real_capital_e_neg_exp", "[1E-2]"),
        .init("y_number_real_capital_e_pos_exp", "[1E+2]"),
        .init("y_number_real_fraction_exponent", "[123.456e78]"),
        .init("y_number_real_neg_exp", "[1e-2]"),
        .init("y_number_simple_real", "[123.456789]"),
        .init("y_object", #"{"asd":"sdf", "dfg":"fgh"}"#),
        .init("y_object_duplicated_key", #"{"a":"b","a":"c"}"#),
        .init("y_object_duplicated_key_and_value", #"{"a":"b","a":"b"}"#),
        .init("y_object_empty", "{}"),
        .init("y_object_empty_key", #"{"":0}"#),
        .init("y_object_escaped_null_in_key", #"{"foo\u0000bar": 42}"#),
        .init("y_object_extreme_numbers", #"{ "min": -1.0e+28, "max": 1.0e+28 }"#),
        .init("y_object_with_newlines", "{\n\"a\": \"b\"\n}"),
        .init("y_string_1_2_3_bytes_UTF-8_sequences", #"["\u0060\u012a\u12AB"]"#),
        .init("y_string_accepted_surrogate_pair", #"["\uD801\udc37"]"#),
        .init("y_string_allowed_escapes", #"["\"\\\/\b\f\n\r\t"]"#),
        .init("y_string_backslash_and_u_escaped_zero", #"["\\u0000"]"#),
        .init("y_string_comments", #"["a/*b*/c/*d//e"]"#),
        .init("y_string_escaped_noncharacter", #"["\uFFFF"]"#),
        .init("y_string_last_surrogates_1_and_2", #"["\uDBFF\uDFFF"]"#),
        .init("y_string_nonCharacterInUTF-8_U+FFFF", bytes: [0x5B, 0x22, 0xEF, 0xBF, 0xBF, 0x22, 0x5D]),
        .init("y_string_null_escape", #"["\u0000"]"#),
        .init("y_string_utf8", "[\"€𝄞\"]"),
        .init("y_string_with_del_character", "[\"a\u{7F}a\"]"),
        .init("y_string_4_bytes_max", bytes: [0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]),
        .init("y_structure_lonely_false", "false"),
        .init("y_structure_lonely_int", "42"),
        .init("y_structure_lonely_negative_real", "-0.1"),
        .init("y_structure_lonely_null", "null"),
        .init("y_structure_lonely_string", #""asd""#),
        .init("y_structure_lonely_true", "true"),
        .init("y_structure_string_empty", "\"\""),
        .init("y_structure_trailing_newline", "[\"a\"]\n"),
        .init("y_structure_whitespace_array", " [] "),
        .init("y_structure_all_whitespace_kinds", " \t\r\n[ \t\r\n1 \t\r\n] \t\r\n"),
        .init("i_number_huge_exp", "[0.4e00669999999999999999999999999999999999999999999999999999999999999969999999006]"),
        .init("i_number_neg_int_huge_exp", "[-1e+9999]"),
        .init("i_number_real_underflow", "[123e-10000000]"),
        .init("i_number_too_big_pos_int", "[100000000000000000000]"),
        .init("i_number_very_big_negative_int", "[-237462374673276894279832749832423479823246327846]"),
        .init("i_string_1st_surrogate_but_2nd_missing", #"["\uDADA"]"#),
        .init("i_string_incomplete_surrogates_escape_valid", #"["\uD800\uD800\n"]"#),
        .init("i_string_invalid_lonely_surrogate", #"["\ud800"]"#),
        .init("i_string_invalid_surrogate", #"["\ud800abc"]"#),
        .init("i_string_inverted_surrogates_U+1D11E", #"["\uDd1e\uD834"]"#),
        .init("i_structure_500_nested_arrays", String(repeating: "[", count: 500) + String(repeating: "]", count: 500)),
        .init("i_structure_UTF-8_BOM_empty_object", bytes: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D]),
    ]

    static let rejected: [ConformanceCase] = [
        .init("n_array_1_true_without_comma", "[1 true]"),
        .init("n_array_a_invalid_utf8", bytes: [0x5B, 0x61, 0xE5, 0x5D]),
        .init("n_array_colon_instead_of_comma", #"["": 1]"#),
        .init("n_array_comma_after_close", #"[""],"#),
        .init("n_array_comma_and_number", "[,1]"),
        .init("n_array_double_comma", "[1,,2]"),
        .init("n_array_extra_close", #"["x"]]"#),
        .init("n_array_extra_comma", #"["",]"#),
        .init("n_array_incomplete", #"["x""#),
        .init("n_array_incomplete_invalid_value", "[x"),
        .init("n_array_inner_array_no_comma", "[3[4]]"),
        .init("n_array_just_comma", "[,]"),
        .init("n_array_just_minus", "[-]"),
        .init("n_array_missing_value", #"[   , ""]"#),
        .init("n_array_newlines_unclosed", "[\"a\",\n4\n,1,"),
        .init("n_array_number_and_comma", "[1,]"),
        .init("n_array_spaces_vertical_tab_formfeed", "[\"\u{0B}a\"\\f]"),
        .init("n_array_star_inside", "[*]"),
        .init("n_array_unclosed", #"[""#),
        .init("n_array_unclosed_trailing_comma", "[1,"),
        .init("n_array_unclosed_with_object_inside", "[{}"),
        .init("n_incomplete_false", "[fals]"),
        .init("n_incomplete_null", "[nul]"),
        .init("n_incomplete_true", "[tru]"),
        .init("n_multidigit_number_then_00", bytes: [0x31, 0x32, 0x33, 0x00]),
        .init("n_number_++", "[++1234]"),
        .init("n_number_+1", "[+1]"),
        .init("n_number_+Inf", "[+Inf]"),
        .init("n_number_-01", "[-01]"),
        .init("n_number_-1.0.", "[-1.0.]"),
        .init("n_number_-2.", "[-2.]"),
        .init("n_number_-NaN", "[-NaN]"),
        .init("n_number_.-1", "[.-1]"),
        .init("n_number_.2e-3", "[.2e-3]"),
        .init("n_number_0.1.2", "[0.1.2]"),
        .init("n_number_0.3e+", "[0.3e+]"),
        .init("n_number_0.e1", "[0.e1]"),
        .init("n_number_0_capital_E+", "[0E+]"),
        .init("n_number_1.0e", "[1.0e]"),
        .init("n_number_1eE2", "[1eE2]"),
        .init("n_number_2.e3", "[2.e3]"),
        .init("n_number_Inf", "[Inf]"),
        .init("n_number_NaN", "[NaN]"),
        .init("n_number_U+FF11_fullwidth_digit_one", "[１]"),
        .init("n_number_expression", "[1+2]"),
        .init("n_number_hex_1_digit", "[0x1]"),
        .init("n_number_infinity", "[Infinity]"),
        .init("n_number_invalid+-", "[0e+-1]"),
        .init("n_number_leading_zero", "[012]"),
        .init("n_number_minus_infinity", "[-Infinity]"),
        .init("n_number_neg_int_starting_with_zero", "[-012]"),
        .init("n_number_real_without_fractional_part", "[1.]"),
        .init("n_number_starting_with_dot", "[.123]"),
        .init("n_number_with_alpha", "[1.2a-3]"),
        .init("n_object_bad_value", #"["x", truth]"#),
        .init("n_object_bracket_key", #"{[: "x"}"#),
        .init("n_object_comma_instead_of_colon", #"{"x", null}"#),
        .init("n_object_double_colon", #"{"x"::"b"}"#),
        .init("n_object_emoji", "{🇨🇭}"),
        .init("n_object_garbage_at_end", #"{"a":"a" 123}"#),
        .init("n_object_key_with_single_quotes", "{key: 'value'}"),
        .init("n_object_missing_colon", #"{"a" b}"#),
        .init("n_object_missing_key", #"{:"b"}"#),
        .init("n_object_missing_semicolon", #"{"a" "b"}"#),
        .init("n_object_missing_value", #"{"a":"#),
        .init("n_object_no-colon", #"{"a""#),
        .init("n_object_non_string_key", "{1:1}"),
        .init("n_object_repeated_null_null", "{null:null,null:null}"),
        .init("n_object_single_quote", "{'a':0}"),
        .init("n_object_trailing_comma", #"{"id":0,}"#),
        .init("n_object_trailing_comment", #"{"a":"b"}/**/"#),
        .init("n_object_trailing_comment_slash", #"{"a":"b"}//"#),
        .init("n_object_two_commas_in_a_row", #"{"a":"b",,"c":"d"}"#),
        .init("n_object_unquoted_key", #"{a: "b"}"#),
        .init("n_object_unterminated-value", #"{"a":"a"#),
        .init("n_object_with_single_string", #"{ "foo" : "bar", "a" }"#),
        .init("n_object_with_trailing_garbage", #"{"a":"b"}#"#),
        .init("n_single_space", " "),
        .init("n_string_1_surrogate_then_escape", #"["\uD800\"]"#),
        .init("n_string_1_surrogate_then_escape_u", #"["\uD800\u"]"#),
        .init("n_string_1_surrogate_then_escape_u1", #"["\uD800\u1"]"#),
        .init("n_string_accentuated_char_no_quotes", "[é]"),
        .init("n_string_backslash_00", bytes: [0x5B, 0x22, 0x5C, 0x00, 0x22, 0x5D]),
        .init("n_string_escape_x", #"["\x00"]"#),
        .init("n_string_escaped_backslash_bad", #"["\\\"]"#),
        .init("n_string_escaped_ctrl_char_tab", "[\"\\\t\"]"),
        .init("n_string_escaped_emoji", "[\"\\🌀\"]"),
        .init("n_string_incomplete_escape", #"["\"]"#),
        .init("n_string_incomplete_escaped_character", #"["\u00A"]"#),
        .init("n_string_incomplete_surrogate", #"["\uD834\uDd"]"#),
        .init("n_string_incomplete_surrogate_escape_invalid", #"["\uD800\uD800\x"]"#),
        .init("n_string_invalid_backslash_esc", #"["\a"]"#),
        .init("n_string_invalid_unicode_escape", #"["\uqqqq"]"#),
        .init("n_string_invalid_utf8_after_escape", bytes: [0x5B, 0x22, 0x5C, 0xE5, 0x22, 0x5D]),
        .init("n_string_leading_uescaped_thinspace", #"[\u0020"asd"]"#),
        .init("n_string_no_quotes_with_bad_escape", #"[\n]"#),
        .init("n_string_single_doublequote", "\""),
        .init("n_string_single_quote", "['single quote']"),
        .init("n_string_single_string_no_double_quotes", "abc"),
        .init("n_string_start_escape_unclosed", #"["\"#),
        .init("n_string_unescaped_ctrl_char", bytes: [0x5B, 0x22, 0x61, 0x00, 0x61, 0x22, 0x5D]),
        .init("n_string_unescaped_newline", "[\"new\nline\"]"),
        .init("n_string_unescaped_tab", "[\"\t\"]"),
        .init("n_string_unicode_CapitalU", #""\UA66D""#),
        .init("n_string_with_trailing_garbage", "\"\"x"),
        .init("n_structure_angle_bracket_.", "<.>"),
        .init("n_structure_array_trailing_garbage", "[1]x"),
        .init("n_structure_array_with_extra_array_close", "[1]]"),
        .init("n_structure_array_with_unclosed_string", #"["asd]"#),
        .init("n_structure_ascii-unicode-identifier", "aå"),
        .init("n_structure_capitalized_True", "[True]"),
        .init("n_structure_close_unopened_array", "1]"),
        .init("n_structure_comma_instead_of_closing_brace", #"{"x": true,"#),
        .init("n_structure_double_array", "[][]"),
        .init("n_structure_end_array", "]"),
        .init("n_structure_incomplete_UTF8_BOM", bytes: [0xEF, 0xBB, 0x7B, 0x7D]),
        .init("n_structure_lone-invalid-utf-8", bytes: [0xE5]),
        .init("n_structure_lone-open-bracket", "["),
        .init("n_structure_no_data", ""),
        .init("n_structure_null-byte-outside-string", bytes: [0x5B, 0x00, 0x5D]),
        .init("n_structure_number_with_trailing_garbage", "2@"),
        .init("n_structure_object_followed_by_closing_object", "{}}"),
        .init("n_structure_object_unclosed_no_value", #"{"":"#),
        .init("n_structure_object_with_comment", #"{"a":/*comment*/"b"}"#),
        .init("n_structure_object_with_trailing_garbage", #"{"a": true} "x""#),
        .init("n_structure_open_array_apostrophe", "['"),
        .init("n_structure_open_array_comma", "[,"),
        .init("n_structure_open_array_open_object", "[{"),
        .init("n_structure_open_array_open_string", #"["a"#),
        .init("n_structure_open_array_string", #"["a""#),
        .init("n_structure_open_object", "{"),
        .init("n_structure_open_object_close_array", "{]"),
        .init("n_structure_open_object_comma", "{,"),
        .init("n_structure_open_object_open_array", "{["),
        .init("n_structure_open_object_open_string", #"{"a"#),
        .init("n_structure_open_object_string_with_apostrophes", "{'a'"),
        .init("n_structure_open_open", #"["\{["\{["\{["\{"#),
        .init("n_structure_single_eacute", bytes: [0xE9]),
        .init("n_structure_single_star", "*"),
        .init("n_structure_trailing_#", #"{"a":"b"}#{}"#),
        .init("n_structure_uescaped_LF_before_string", #"[\u000A""]"#),
        .init("n_structure_unclosed_array", "[1"),
        .init("n_structure_unclosed_array_partial_null", "[ false, nul"),
        .init("n_structure_unclosed_array_unfinished_false", "[ true, fals"),
        .init("n_structure_unclosed_array_unfinished_true", "[ false, tru"),
        .init("n_structure_unclosed_object", #"{"asd":"asd""#),
        .init("n_structure_unicode-identifier", "å"),
        .init("n_structure_UTF8_BOM_no_data", bytes: [0xEF, 0xBB, 0xBF]),
        .init("n_structure_whitespace_formfeed", "[\u{0C}]"),
        .init("n_structure_whitespace_U+2060_word_joiner", "[\u{2060}]"),
        .init("n_structure_100000_opening_arrays", String(repeating: "[", count: 100_000)),
        .init("n_structure_open_array_object", String(repeating: #"[{"":"#, count: 50_000)),
        .init("i_string_UTF-16LE_with_BOM", bytes: [0xFF, 0xFE, 0x5B, 0x00, 0x22, 0x00, 0xE9, 0x00, 0x22, 0x00, 0x5D, 0x00]),
        .init("i_string_UTF-16BE_no_BOM", bytes: [0x00, 0x5B, 0x00, 0x22, 0x00, 0xE9, 0x00, 0x22, 0x00, 0x5D]),
        .init("i_string_invalid_utf-8", bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D]),
        .init("i_string_iso_latin_1", bytes: [0x5B, 0x22, 0xE9, 0x22, 0x5D]),
        .init("i_string_lone_utf8_continuation_byte", bytes: [0x5B, 0x22, 0x81, 0x22, 0x5D]),
        .init("i_string_not_in_unicode_range", bytes: [0x5B, 0x22, 0xF4, 0xBF, 0xBF, 0xBF, 0x22, 0x5D]),
        .init("i_string_overlong_sequence_2_bytes", bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]),
        .init("i_string_overlong_sequence_3_bytes", bytes: [0x5B, 0x22, 0xE0, 0x80, 0xAF, 0x22, 0x5D]),
        .init("i_string_overlong_sequence_6_bytes", bytes: [0x5B, 0x22, 0xFC, 0x83, 0xBF, 0xBF, 0xBF, 0xBF, 0x22, 0x5D]),
        .init("i_string_truncated-utf-8", bytes: [0x5B, 0x22, 0xE0, 0xFF, 0x22, 0x5D]),
        .init("i_string_truncated_at_end", bytes: [0x22, 0xE2, 0x82]),
        .init("i_string_UTF8_surrogate_U+D800", bytes: [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D]),
        .init("i_object_key_lone_2nd_surrogate_raw", bytes: [0x7B, 0x22, 0xED, 0xBF, 0xBF, 0x22, 0x3A, 0x30, 0x7D]),
    ]

    @Test(arguments: accepted)
    func acceptsAndRoundTrips(_ testCase: ConformanceCase) throws {
        let result = JSONReader().read(testCase.bytes, path: "case.json")
        #expect(result.error == nil, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(JSONTesting.locationProblems(document, text: String(decoding: testCase.bytes, as: UTF8.self)) == [])
        // What was read writes and reads back to the same value.
        let written = JSONWriter().data(document.root)
        let reread = try #require(JSONReader().read(written, path: "written.json").document)
        #expect(document.root.isSemanticallyEqual(to: reread.root))
    }

    @Test(arguments: rejected)
    func rejectsWithOneLocatedSyntaxError(_ testCase: ConformanceCase) throws {
        let result = JSONReader().read(testCase.bytes, path: "case.json")
        #expect(result.document == nil)
        let error = try #require(result.error)
        #expect(error.id == .jsonSyntax)
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 1)
        guard case .json(let location)? = error.location else {
            Issue.record("not a JSON location: \(String(describing: error.location))")
            return
        }
        #expect(location.path == "case.json")
        #expect(location.line >= 1 && location.column >= 1)
        // The error points inside the input or just past its end.
        #expect(location.line <= testCase.bytes.count(where: { $0 == 0x0A }) + 1)
    }
}
