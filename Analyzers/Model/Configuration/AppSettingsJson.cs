using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Model;

/// <summary>One string value of an appsettings file, under its configuration key (<c>Cors:AllowedOrigins:0</c>).</summary>
internal sealed class SettingsValue
{
    public SettingsValue(string key, string value, TextSpan span, bool isVerbatim)
    {
        Key = key;
        Value = value;
        Span = span;
        IsVerbatim = isVerbatim;
    }

    public string Key { get; }

    /// <summary>The value with escapes resolved.</summary>
    public string Value { get; }

    /// <summary>The string token, quotes included.</summary>
    public TextSpan Span { get; }

    /// <summary>True when the token has no escape sequence, so each character of <see cref="Value"/> sits at <c>Span.Start + 1 + index</c>.</summary>
    public bool IsVerbatim { get; }

    /// <summary>Where the characters <paramref name="start"/>..<paramref name="start"/>+<paramref name="length"/> of the value are; the whole token when escapes move them.</summary>
    public TextSpan PartSpan(int start, int length) => IsVerbatim ? new TextSpan(Span.Start + 1 + start, length) : Span;
}

/// <summary>
/// Reads an appsettings*.json file the way the JSON configuration provider flattens it: nested objects join their names
/// with ':', array entries are numbered from 0. Accepts what the provider accepts (comments, trailing commas). Never
/// throws: a file that does not parse (being typed, or broken) gives no values.
/// </summary>
internal sealed class AppSettingsJson
{
    private const int MaxNesting = 64;

    private readonly string _text;
    private readonly List<SettingsValue> _values = new();
    private int _position;

    private AppSettingsJson(string text)
    {
        _text = text;
    }

    /// <summary>Every string value by key; keys compare case-insensitively, a later duplicate wins, as in configuration.</summary>
    public static Dictionary<string, SettingsValue> Parse(string text)
    {
        var values = new Dictionary<string, SettingsValue>(StringComparer.OrdinalIgnoreCase);
        var reader = new AppSettingsJson(text);
        if (reader.ReadDocument())
        {
            foreach (var value in reader._values)
            {
                values[value.Key] = value;
            }
        }

        return values;
    }

    private bool ReadDocument()
    {
        // A leading byte-order mark is text to Roslyn's SourceText only when decoding failed; skip it either way.
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _position = 1;
        }

        SkipTrivia();
        if (Peek() != '{' || !ReadValue(string.Empty, 0))
        {
            return false;
        }

        SkipTrivia();
        return _position >= _text.Length;
    }

    private bool ReadValue(string key, int nesting)
    {
        if (nesting > MaxNesting)
        {
            return false;
        }

        SkipTrivia();
        switch (Peek())
        {
            case '{':
                return ReadObject(key, nesting);
            case '[':
                return ReadArray(key, nesting);
            case '"':
                var start = _position;
                if (!ReadString(out var value, out var verbatim))
                {
                    return false;
                }

                _values.Add(new SettingsValue(key, value, TextSpan.FromBounds(start, _position), verbatim));
                return true;
            default:
                return ReadLiteral();
        }
    }

    private bool ReadObject(string key, int nesting)
    {
        _position++;
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                return true;
            }

            if (Peek() != '"' || !ReadString(out var name, out _))
            {
                return false;
            }

            SkipTrivia();
            if (Peek() != ':')
            {
                return false;
            }

            _position++;
            if (!ReadValue(key.Length == 0 ? name : key + ":" + name, nesting + 1))
            {
                return false;
            }

            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != '}')
            {
                return false;
            }
        }
    }

    private bool ReadArray(string key, int nesting)
    {
        _position++;
        var index = 0;
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
                return true;
            }

            if (!ReadValue(key + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), nesting + 1))
            {
                return false;
            }

            index++;
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != ']')
            {
                return false;
            }
        }
    }

    /// <summary>true, false, null or a number: not a string, so never an origin.</summary>
    private bool ReadLiteral()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
        {
            _position++;
        }

        return _position > start;
    }

    private bool ReadString(out string value, out bool verbatim)
    {
        value = string.Empty;
        verbatim = true;
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            switch (c)
            {
                case '"':
                    value = builder.ToString();
                    return true;
                case '\\':
                    verbatim = false;
                    if (_position >= _text.Length)
                    {
                        return false;
                    }

                    var escape = _text[_position++];
                    switch (escape)
                    {
                        case 'n': builder.Append('\n'); break;
                        case 't': builder.Append('\t'); break;
                        case 'r': builder.Append('\r'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'u':
                            if (_position + 4 > _text.Length
                                || !int.TryParse(_text.Substring(_position, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                            {
                                return false;
                            }

                            builder.Append((char)code);
                            _position += 4;
                            break;
                        default: builder.Append(escape); break;
                    }

                    break;
                case '\n' or '\r':
                    return false;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return false;
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';
}
