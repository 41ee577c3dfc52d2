using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>What an origin predicate passed to <c>SetIsOriginAllowed</c> compares the origin with.</summary>
internal enum OriginCheckKind
{
    /// <summary><c>EndsWith</c> without a label boundary (<c>"contoso.com"</c> also matches <c>evilcontoso.com</c>).</summary>
    SuffixWithoutBoundary,

    /// <summary><c>StartsWith</c> without a boundary (<c>"https://contoso.com"</c> also matches <c>https://contoso.com.evil.net</c>).</summary>
    PrefixWithoutBoundary,

    /// <summary><c>Contains</c> or <c>IndexOf</c> on the origin: any origin that embeds the text passes.</summary>
    Substring,

    /// <summary>A regular expression without <c>^...$</c> anchors.</summary>
    UnanchoredRegex,

    /// <summary>A regular expression whose host has an unescaped <c>.</c>, which matches any character.</summary>
    UnescapedDotRegex,

    /// <summary>Any subdomain of a hosting domain where anyone can publish a site.</summary>
    SharedHostingSuffix,
}

/// <summary>One comparison inside an origin predicate that a crafted origin can pass.</summary>
internal readonly struct OriginCheck
{
    public OriginCheck(OriginCheckKind kind, IInvocationOperation operation, string text, bool onHost)
    {
        Kind = kind;
        Operation = operation;
        Text = text;
        OnHost = onHost;
    }

    public OriginCheckKind Kind { get; }

    public IInvocationOperation Operation { get; }

    /// <summary>The constant compared with (suffix, prefix, substring or pattern).</summary>
    public string Text { get; }

    /// <summary>True when the check runs on the parsed host (<c>new Uri(origin).Host</c>) rather than the origin string.</summary>
    public bool OnHost { get; }
}

/// <summary>The body of an origin predicate (lambda, method group or local function) and what it accepts.</summary>
internal sealed class OriginPredicate
{
    private readonly CorsKnownTypes _types;
    private readonly IParameterSymbol _origin;
    private readonly HashSet<ILocalSymbol> _originLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _hostLocals = new(SymbolEqualityComparer.Default);

    private OriginPredicate(CorsKnownTypes types, IParameterSymbol origin, IOperation body)
    {
        _types = types;
        _origin = origin;
        Body = body;
    }

    public IOperation Body { get; }

    /// <summary>The parameter that receives the request origin.</summary>
    public IParameterSymbol Origin => _origin;

    /// <summary>The predicate of a <c>SetIsOriginAllowed(...)</c> call, or null when its code cannot be seen.</summary>
    public static OriginPredicate? From(PolicyCall call, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (call.Kind != PolicyCallKind.SetIsOriginAllowed || call.Operation is not IInvocationOperation { Arguments.Length: 1 } invocation)
        {
            return null;
        }

        var target = invocation.Arguments[0].Value.WalkDownConversion() is IDelegateCreationOperation creation ? creation.Target : null;
        switch (target)
        {
            case IAnonymousFunctionOperation lambda when lambda.Symbol.Parameters.Length == 1:
                return new OriginPredicate(types, lambda.Symbol.Parameters[0], lambda.Body);
            case IMethodReferenceOperation reference when reference.Method.Parameters.Length == 1:
                var body = SourceOperations.GetBody(reference.Method, reference, cancellationToken);
                return body is null ? null : new OriginPredicate(types, reference.Method.Parameters[0], body);
            default:
                return null;
        }
    }

    /// <summary>True when every <c>return</c> of the predicate returns the constant <c>true</c>.</summary>
    public bool IsAlwaysTrue()
    {
        var returns = 0;
        foreach (var operation in DescendantsOutsideNestedFunctions(Body))
        {
            if (operation is IReturnOperation @return)
            {
                if (@return.ReturnedValue?.ConstantValue is not { HasValue: true, Value: true })
                {
                    return false;
                }

                returns++;
            }
        }

        return returns > 0;
    }

    /// <summary>The comparison that accepts the literal origin <c>"null"</c>, if any.</summary>
    public IOperation? FindNullOriginAccepted()
    {
        foreach (var operation in DescendantsOutsideNestedFunctions(Body))
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals
                    when IsNullOriginComparison(equals.LeftOperand, equals.RightOperand) && MayAccept(equals):
                    return equals;
                case IInvocationOperation { TargetMethod.Name: "Equals" } invocation when invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String:
                    var left = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    var right = invocation.Instance is null ? (invocation.Arguments.Length > 1 ? invocation.Arguments[1].Value : null) : (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    if (left is not null && right is not null && IsNullOriginComparison(left, right) && MayAccept(invocation))
                    {
                        return invocation;
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>Every comparison of the origin (or its parsed host) that a crafted origin can pass.</summary>
    public List<OriginCheck> FindBypassableChecks(CancellationToken cancellationToken)
    {
        var checks = new List<OriginCheck>();
        foreach (var operation in Body.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Track(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    Track(local.Local, assignment.Value);
                    break;
                case IInvocationOperation invocation:
                    CheckInvocation(invocation, checks);
                    break;
            }
        }

        return checks;
    }

    private void CheckInvocation(IInvocationOperation invocation, List<OriginCheck> checks)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType?.SpecialType == SpecialType.System_String && !method.IsStatic && invocation.Instance is { } receiver)
        {
            var source = Classify(receiver);
            if (source == Source.None || invocation.Arguments.Length == 0 || invocation.Arguments[0].Value.GetConstantString() is not { } text)
            {
                return;
            }

            var onHost = source == Source.Host;
            switch (method.Name)
            {
                case "EndsWith":
                    if (OriginText.IsSharedHostingSuffix(text))
                    {
                        checks.Add(new OriginCheck(OriginCheckKind.SharedHostingSuffix, invocation, text, onHost));
                    }
                    else if (!text.StartsWith(".", System.StringComparison.Ordinal) && !(!onHost && text.Contains("://")))
                    {
                        checks.Add(new OriginCheck(OriginCheckKind.SuffixWithoutBoundary, invocation, text, onHost));
                    }

                    break;
                case "StartsWith":
                    if (text.Length > 0 && text[text.Length - 1] is not ('/' or ':') && (onHost || text.Contains("://")))
                    {
                        checks.Add(new OriginCheck(OriginCheckKind.PrefixWithoutBoundary, invocation, text, onHost));
                    }

                    break;
                case "Contains":
                case "IndexOf":
                    if (text.Length > 0)
                    {
                        checks.Add(new OriginCheck(OriginCheckKind.Substring, invocation, text, onHost));
                    }

                    break;
            }

            return;
        }

        // regex.IsMatch(origin), and regex.Match(origin).Success, which tests the same.
        if (method.Name is "IsMatch" or "Match" && _types.Regex is { } regex && SymbolEqualityComparer.Default.Equals(method.ContainingType, regex))
        {
            CheckRegex(invocation, checks);
        }
    }

    private void CheckRegex(IInvocationOperation invocation, List<OriginCheck> checks)
    {
        string? pattern;
        IOperation? input;
        if (invocation.Instance is null)
        {
            // Regex.IsMatch(input, pattern, ...)
            input = invocation.Arguments.Length > 1 ? invocation.Arguments[0].Value : null;
            pattern = invocation.Arguments.Length > 1 ? KnownValue.Of(invocation.Arguments[1].Value, CancellationToken.None) : null;
        }
        else
        {
            input = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
            pattern = RegexPattern(invocation.Instance, _types, 0);
        }

        if (pattern is null || input is null || Classify(input) == Source.None)
        {
            return;
        }

        var onHost = Classify(input) == Source.Host;
        if (OriginText.RegexAdmitsSharedHostingSubdomain(pattern))
        {
            checks.Add(new OriginCheck(OriginCheckKind.SharedHostingSuffix, invocation, pattern, onHost));
        }
        else if (!OriginText.IsAnchored(pattern))
        {
            checks.Add(new OriginCheck(OriginCheckKind.UnanchoredRegex, invocation, pattern, onHost));
        }
        else if (OriginText.HasUnescapedHostDot(pattern))
        {
            checks.Add(new OriginCheck(OriginCheckKind.UnescapedDotRegex, invocation, pattern, onHost));
        }
    }

    /// <summary>
    /// The constant pattern of a <c>Regex</c> instance: <c>new Regex("...")</c>; a readonly field or a getter-only property
    /// initialized with one; a <c>[GeneratedRegex("...")]</c> partial method (<c>MyRegex().IsMatch(origin)</c>) or property.
    /// </summary>
    private static string? RegexPattern(IOperation instance, CorsKnownTypes types, int depth)
    {
        instance = instance.WalkDownConversion();
        if (depth > 3)
        {
            return null;
        }

        switch (instance)
        {
            case IObjectCreationOperation { Arguments.Length: > 0 } creation:
                return KnownValue.Of(creation.Arguments[0].Value, CancellationToken.None);
            case IFieldReferenceOperation { Field.IsReadOnly: true } field:
                return SourceOperations.GetInitializer(field.Field, instance, CancellationToken.None) is { } value ? RegexPattern(value, types, depth + 1) : null;
            case IPropertyReferenceOperation { Property: { IsReadOnly: true, Parameters.Length: 0 } property }:
                return GeneratedPattern(property, types)
                    ?? (SourceOperations.GetInitializer(property, instance, CancellationToken.None) is { } initial ? RegexPattern(initial, types, depth + 1) : null);
            case IInvocationOperation { Arguments.Length: 0 } call:
                return GeneratedPattern(call.TargetMethod, types);
            default:
                return null;
        }
    }

    private static string? GeneratedPattern(ISymbol member, CorsKnownTypes types)
    {
        if (types.GeneratedRegexAttribute is not { } generated)
        {
            return null;
        }

        foreach (var attribute in member.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, generated)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string pattern)
            {
                return pattern;
            }
        }

        return null;
    }

    /// <summary>
    /// False when the origin "null", which makes <paramref name="comparison"/> true, provably ends in a rejection:
    /// <c>if (origin == "null") return false;</c>, <c>!origin.Equals("null") &amp;&amp; ...</c>, a branch that throws.
    /// </summary>
    private bool MayAccept(IOperation comparison)
    {
        var holds = true;
        var current = comparison;
        while (current.Parent is { } parent && !ReferenceEquals(current, Body))
        {
            switch (parent)
            {
                case IConversionOperation:
                    break;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                    holds = !holds;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr }:
                    if (!holds)
                    {
                        // false || other: the other operand decides, not this comparison.
                        return false;
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd }:
                    if (!holds)
                    {
                        return false;
                    }

                    break;
                case IConditionalOperation conditional when ReferenceEquals(conditional.Condition, current):
                    return !Rejects(holds ? conditional.WhenTrue : conditional.WhenFalse);
                default:
                    return holds;
            }

            current = parent;
        }

        return holds;
    }

    /// <summary>
    /// A branch that returns or yields the constant false, or throws: a block ends so (after logging, say) and returns
    /// nothing else on the way.
    /// </summary>
    private static bool Rejects(IOperation? branch)
    {
        if (branch is IBlockOperation && branch.Descendants().Any(o => o is IReturnOperation { ReturnedValue: var value } && (value is null || !IsFalse(value))))
        {
            return false;
        }

        while (branch is IBlockOperation { Operations.Length: > 0 } block)
        {
            branch = block.Operations[block.Operations.Length - 1];
        }

        return branch?.WalkDownConversion() switch
        {
            IReturnOperation { ReturnedValue: { } value } => IsFalse(value),
            IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation } => true,
            { } value => IsFalse(value),
            null => false,
        };
    }

    private static bool IsFalse(IOperation value) => value.WalkDownConversion().ConstantValue is { HasValue: true, Value: false };

    private bool IsNullOriginComparison(IOperation left, IOperation right) =>
        (Classify(left) == Source.Origin && IsNullLiteral(right)) || (Classify(right) == Source.Origin && IsNullLiteral(left));

    private static bool IsNullLiteral(IOperation operation) =>
        string.Equals(operation.WalkDownConversion().GetConstantString(), "null", System.StringComparison.OrdinalIgnoreCase);

    private void Track(ILocalSymbol local, IOperation value)
    {
        switch (Classify(value))
        {
            case Source.Origin:
                _originLocals.Add(local);
                break;
            case Source.Host:
                _hostLocals.Add(local);
                break;
        }
    }

    private Source Classify(IOperation operation)
    {
        operation = operation.WalkDownConversion();
        switch (operation)
        {
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, _origin):
                return Source.Origin;
            case ILocalReferenceOperation local:
                return _originLocals.Contains(local.Local) ? Source.Origin : _hostLocals.Contains(local.Local) ? Source.Host : Source.None;
            case IInvocationOperation { TargetMethod.Name: "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" or "ToString", Instance: { } receiver }:
                return Classify(receiver);
            case IPropertyReferenceOperation { Property.Name: "Host" or "Authority" or "DnsSafeHost" or "IdnHost", Instance: { } uri }
                when IsUri(uri.Type):
                return Source.Host;
            default:
                return Source.None;
        }
    }

    private bool IsUri(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, _types.Uri);

    private static IEnumerable<IOperation> DescendantsOutsideNestedFunctions(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }
    }

    private enum Source
    {
        None,
        Origin,
        Host,
    }
}
