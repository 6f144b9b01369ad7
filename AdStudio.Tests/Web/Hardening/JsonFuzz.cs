using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// FsCheck generators of request bodies as raw JSON text, so that they can hold what a typed model
/// cannot: duplicate keys, wrong types, numbers beyond double, nulls in arrays, deep nesting, broken syntax.
/// </summary>
public static class JsonFuzz
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "2", "0.5", "-0.5", "1.5", "1e-320", "4.9e-324", "1e-300", "1e15", "1e300", "1.7976931348623157e308",
        "-1.7976931348623157e308", "1e309", "-1e309", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1E+2", "0.1e1",
    ];

    private static readonly string[] Strings =
    [
        "", " ", "a", "sidebar", "cpc", "mean", "proportion", "view", "all", "any", "spend_90d", ">=", "in", "ship:1", "keep_control",
        "2026-11-23T10:15:00Z", "not-a-date", "https://example.com/x", "\\u0000", "\\ud800", "é😀", "\\\"quoted\\\"", "null", "NaN", "Infinity",
    ];

    /// <summary>Any JSON scalar, including the awkward ones.</summary>
    public static Gen<string> Scalar { get; } = Gen.Frequency(
        (2, Gen.Constant("null")),
        (1, Gen.Elements("true", "false")),
        (4, Gen.Elements(Numbers)),
        (2, Gen.Choose(-1000, 1000).Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.Elements(Strings).Select(s => $"\"{s}\"")),
        (1, Gen.Choose(200, 20_000).Select(n => $"\"{new string('x', n)}\"")));

    /// <summary>Random JSON of bounded depth; object keys come from <paramref name="keys"/> (so they repeat) or are random.</summary>
    public static Gen<string> Value(IReadOnlyList<string> keys, int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (2, Gen.ListOf(Value(keys, depth - 1)).Select(items => "[" + string.Join(",", items.Take(8)) + "]")),
            (2, Obj(keys, depth - 1)),
            (1, Gen.Choose(1, 3000).Select(n => "[" + string.Join(",", Enumerable.Repeat("1", n)) + "]")),
            (1, Gen.Choose(60, 200).Select(n => new string('[', n) + new string(']', n))));

    /// <summary>An object whose keys may repeat.</summary>
    public static Gen<string> Obj(IReadOnlyList<string> keys, int depth) =>
        Gen.ListOf(Gen.Zip(Key(keys), Value(keys, depth)))
            .Select(pairs => "{" + string.Join(",", pairs.Take(10).Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}");

    private static Gen<string> Key(IReadOnlyList<string> keys) =>
        Gen.Frequency((5, Gen.Elements(keys.ToArray())), (1, Gen.Elements("x", "$type", "$id", "", "Name", "EVENTS")));

    /// <summary>A valid example with one or more fields replaced, dropped, duplicated or added, or with broken syntax.</summary>
    public static Gen<string> Mutation(IReadOnlyList<(string Key, string Value)> valid, IReadOnlyList<string> keys)
    {
        var fields = valid.Count;
        var one = Gen.Choose(0, fields - 1).SelectMany(i => Gen.Frequency(
            (4, Value(keys, 2).Select(v => Replace(valid, i, v))),
            (1, Gen.Constant(Render(valid.Where((_, j) => j != i)))),
            (2, Value(keys, 1).Select(v => Render(valid.Append((valid[i].Key, v))))),
            (1, Gen.Constant(Render(valid.Append(valid[i])))),
            (1, Value(keys, 2).Select(v => Render(valid.Append(("unexpected", v)))))));
        var two = one.SelectMany(first => Gen.Choose(0, fields - 1).SelectMany(i => Value(keys, 1).Select(v => first.TrimEnd('}') + $",\"{valid[i].Key}\":{v}}}")));
        var syntax = Gen.Choose(1, Render(valid).Length - 1).Select(cut => Render(valid)[..cut]);
        return Gen.Frequency((6, one), (2, two), (1, syntax), (1, Gen.Constant(Render(valid))));
    }

    /// <summary>Either random JSON or a near-valid mutation of <paramref name="valid"/>.</summary>
    public static Gen<string> Body(IReadOnlyList<(string Key, string Value)> valid)
    {
        var keys = valid.Select(v => v.Key).Concat(["all", "any", "field", "op", "value", "values", "n", "sum", "type", "shopperId"]).Distinct().ToList();
        return Gen.Frequency(
            (5, Mutation(valid, keys)),
            (2, Obj(keys, 3)),
            (1, Value(keys, 3)),
            (1, Gen.Elements("", " ", "{", "}", "[]", "{}", "{\"a\":1,}", "'x'", "{\"a\" 1}", "\u00ff\u00fe")));
    }

    public static string Render(IEnumerable<(string Key, string Value)> fields)
    {
        var text = new StringBuilder("{");
        foreach (var (key, value) in fields)
        {
            text.Append(text.Length > 1 ? "," : "").Append('"').Append(key).Append("\":").Append(value);
        }

        return text.Append('}').ToString();
    }

    private static string Replace(IReadOnlyList<(string Key, string Value)> valid, int index, string value) =>
        Render(valid.Select((f, j) => j == index ? (f.Key, value) : f));
}
