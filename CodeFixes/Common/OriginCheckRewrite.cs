using System;
using CorsAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Common;

/// <summary>
/// The exact comparison an author of <c>origin.EndsWith("contoso.com")</c>, <c>origin.StartsWith("http://localhost")</c> or
/// <c>origin.Contains("localhost")</c> meant: scheme, host and port compared at their boundaries. Each rewrite accepts a
/// subset of what the original accepted, so it never widens access; null where the intent is not clear.
/// </summary>
internal static class OriginCheckRewrite
{
    /// <summary>
    /// The text of the replacement for a string comparison <paramref name="method"/> of <paramref name="receiver"/> with
    /// <paramref name="text"/>; <paramref name="system"/> is how names of the System namespace are written there.
    /// </summary>
    public static string? Rewrite(string method, string receiver, string text, string? comparison, bool onHost, string system, Func<string> uriName)
    {
        var defaultComparison = system + "StringComparison.OrdinalIgnoreCase";
        if (!TryParse(text, out var scheme, out var host, out var port))
        {
            return null;
        }

        var loopback = OriginText.IsLoopbackHost(host);
        if (onHost)
        {
            // Host names carry no scheme or port; a suffix or substring check meant the host or its subdomains.
            if (method is not ("EndsWith" or "Contains" or "IndexOf") || scheme is not null || port is not null)
            {
                return null;
            }

            return loopback ? Equal(receiver, host, comparison) : host.IndexOf('.') > 0 ? HostOrSubdomain(receiver, host, comparison) : null;
        }

        if (scheme is not null)
        {
            // "https://contoso.com" as a prefix or substring: that origin, with any port when none is written.
            if (method is "EndsWith")
            {
                return null;
            }

            var origin = $"{scheme}://{host}";
            return port is not null
                ? Equal(receiver, $"{origin}:{port}", comparison ?? defaultComparison)
                : $"({Equal(receiver, origin, comparison ?? defaultComparison)} || {StartsWith(receiver, origin + ":", comparison ?? defaultComparison)})";
        }

        if (method == "StartsWith")
        {
            return null;
        }

        if (port is not null)
        {
            // "localhost:3000" as a suffix or substring: that host and port; loopback runs over http or https.
            var hostAndPort = $"{host}:{port}";
            return loopback
                ? $"({Equal(receiver, "http://" + hostAndPort, comparison ?? defaultComparison)} || {Equal(receiver, "https://" + hostAndPort, comparison ?? defaultComparison)})"
                : Equal(receiver, "https://" + hostAndPort, comparison ?? defaultComparison);
        }

        if (method == "EndsWith" && !loopback)
        {
            var c = comparison ?? defaultComparison;
            return $"({Equal(receiver, "https://" + host, c)} || ({StartsWith(receiver, "https://", c)} && {EndsWith(receiver, "." + host, c)}))";
        }

        if (method == "EndsWith")
        {
            var c = comparison ?? defaultComparison;
            return $"({Equal(receiver, "http://" + host, c)} || {Equal(receiver, "https://" + host, c)})";
        }

        if (!loopback && host.IndexOf('.') < 0)
        {
            return null;
        }

        // A host name anywhere in the origin: parse the origin and compare its host (any port; https for remote hosts).
        var uri = uriName();
        var parsed = $"{system}Uri.TryCreate({receiver}, {system}UriKind.Absolute, out var {uri})";
        return loopback
            ? $"({parsed} && {Equal(uri + ".Host", host, null)})"
            : $"({parsed} && {uri}.Scheme == \"https\" && {HostOrSubdomain(uri + ".Host", host, null)})";
    }

    /// <summary>The node a rewrite replaces: the call, or for <c>IndexOf(...) &gt;= 0</c> the comparison around it.</summary>
    public static ExpressionSyntax? Target(InvocationExpressionSyntax check, string method)
    {
        if (method != "IndexOf")
        {
            return check;
        }

        return check.Parent is BinaryExpressionSyntax binary && binary.Left == check && binary.Right is ExpressionSyntax right
            && (binary.IsKind(SyntaxKind.GreaterThanOrEqualExpression) && right.ToString() == "0"
                || binary.IsKind(SyntaxKind.GreaterThanExpression) && right.ToString() == "-1"
                || binary.IsKind(SyntaxKind.NotEqualsExpression) && right.ToString() == "-1")
            ? binary
            : null;
    }

    /// <summary>
    /// True when the check counts toward accepting an origin (an alternative or condition of what the predicate returns),
    /// so that narrowing it narrows what is accepted; false under a negation or any other use.
    /// </summary>
    public static bool IsAcceptingPosition(ExpressionSyntax check)
    {
        SyntaxNode current = check;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.LogicalAndExpression):
                    current = parent;
                    continue;
                case LambdaExpressionSyntax lambda when lambda.ExpressionBody == current:
                case ArrowExpressionClauseSyntax:
                case ReturnStatementSyntax:
                    return true;
                case IfStatementSyntax @if when @if.Condition == current:
                    return ReturnsTrue(@if.Statement) && @if.Else is null;
                default:
                    return false;
            }
        }
    }

    private static bool ReturnsTrue(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax { Expression: LiteralExpressionSyntax literal } => literal.IsKind(SyntaxKind.TrueLiteralExpression),
        BlockSyntax { Statements.Count: 1 } block => ReturnsTrue(block.Statements[0]),
        _ => false,
    };

    /// <summary><c>scheme://host:port</c>, <c>host:port</c> or <c>host</c>, with nothing else (no path, no wildcard).</summary>
    private static bool TryParse(string text, out string? scheme, out string host, out string? port)
    {
        scheme = null;
        port = null;
        var rest = text;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            scheme = text.Substring(0, schemeEnd).ToLowerInvariant();
            if (scheme is not ("http" or "https"))
            {
                host = string.Empty;
                return false;
            }

            rest = text.Substring(schemeEnd + 3);
        }

        if (!OriginText.TrySplitHostAndPort(rest, out host, out port))
        {
            return false;
        }

        host = host.ToLowerInvariant();
        return true;
    }

    private static string HostOrSubdomain(string receiver, string host, string? comparison) =>
        $"({Equal(receiver, host, comparison)} || {EndsWith(receiver, "." + host, comparison)})";

    private static string Equal(string receiver, string value, string? comparison) =>
        comparison is null ? $"{receiver} == {Literal(value)}" : $"string.Equals({receiver}, {Literal(value)}, {comparison})";

    private static string StartsWith(string receiver, string value, string? comparison) =>
        comparison is null ? $"{receiver}.StartsWith({Literal(value)})" : $"{receiver}.StartsWith({Literal(value)}, {comparison})";

    private static string EndsWith(string receiver, string value, string? comparison) =>
        comparison is null ? $"{receiver}.EndsWith({Literal(value)})" : $"{receiver}.EndsWith({Literal(value)}, {comparison})";

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
