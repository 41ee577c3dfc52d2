using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>What an origin predicate answers for one origin, as far as its code shows.</summary>
internal enum Answer
{
    /// <summary>The predicate returns true for this origin.</summary>
    Accepts,

    /// <summary>The predicate returns false for this origin.</summary>
    Rejects,

    /// <summary>
    /// The origin's value is not known, and the predicate decides from the origin and constants alone: whether it accepts
    /// depends on the value, and nothing in the predicate refers to the listed origins.
    /// </summary>
    DependsOnValue,

    /// <summary>The predicate consults something the model cannot evaluate (a method, a field, a collection).</summary>
    Unknown,
}

/// <summary>One origin the policy lists: its constant value, or the symbol it was read from.</summary>
internal readonly struct ListedOrigin
{
    public ListedOrigin(string? value, ISymbol? element, ISymbol? list)
    {
        Value = value;
        Element = element;
        List = list;
    }

    /// <summary>The constant value; null when it is not known.</summary>
    public string? Value { get; }

    /// <summary>The local, field or parameter the entry itself was read from (<c>WithOrigins(webOrigin)</c>).</summary>
    public ISymbol? Element { get; }

    /// <summary>The collection the entry came from (<c>WithOrigins(allowedOrigins)</c>).</summary>
    public ISymbol? List { get; }
}

/// <summary>
/// Evaluates the body of an origin predicate for one listed origin: string comparisons of the origin (or its parsed
/// host) with constants, <c>||</c>/<c>&amp;&amp;</c>/<c>!</c>, <c>is</c> patterns, early <c>if (...) return ...;</c>, and a
/// <c>Contains</c> on the very collection the origins were listed from. Anything else makes the answer unknown.
/// </summary>
internal sealed class PredicateAnswer
{
    private const int MaxDepth = 16;

    /// <summary>How many statements and expressions one evaluation may visit: branches that depend on the value fork it.</summary>
    private int _budget = 2000;

    private readonly OriginPredicate _predicate;
    private readonly ListedOrigin _origin;
    private readonly Dictionary<ILocalSymbol, IOperation> _locals = new(SymbolEqualityComparer.Default);

    private PredicateAnswer(OriginPredicate predicate, ListedOrigin origin)
    {
        _predicate = predicate;
        _origin = origin;
    }

    public static Answer For(OriginPredicate predicate, ListedOrigin origin) => new PredicateAnswer(predicate, origin).Body(predicate.Body);

    private Answer Body(IOperation body)
    {
        if (body is not IBlockOperation block)
        {
            return Answer.Unknown;
        }

        return Statements(block.Operations, 0, depth: 0);
    }

    private Answer Statements(IReadOnlyList<IOperation> statements, int index, int depth)
    {
        if (depth > MaxDepth || --_budget < 0)
        {
            return Answer.Unknown;
        }

        for (var i = index; i < statements.Count; i++)
        {
            switch (statements[i])
            {
                case IReturnOperation { ReturnedValue: { } value }:
                    return Bool(value, depth + 1);
                case IVariableDeclarationGroupOperation group:
                    if (!Declare(group))
                    {
                        return Answer.Unknown;
                    }

                    break;
                case IConditionalOperation { WhenTrue: { } whenTrue } conditional:
                    var condition = Bool(conditional.Condition, depth + 1);
                    var rest = new List<IOperation>();
                    for (var j = i + 1; j < statements.Count; j++)
                    {
                        rest.Add(statements[j]);
                    }

                    var taken = Branch(whenTrue, rest, depth + 1);
                    var notTaken = conditional.WhenFalse is { } whenFalse ? Branch(whenFalse, rest, depth + 1) : Statements(rest, 0, depth + 1);
                    return condition switch
                    {
                        Answer.Accepts => taken,
                        Answer.Rejects => notTaken,
                        Answer.DependsOnValue => Either(taken, notTaken),
                        _ => Answer.Unknown,
                    };
                default:
                    return Answer.Unknown;
            }
        }

        return Answer.Unknown;
    }

    /// <summary>A branch of an <c>if</c>, followed by the statements after the <c>if</c> when the branch does not return.</summary>
    private Answer Branch(IOperation branch, List<IOperation> rest, int depth)
    {
        var statements = new List<IOperation>();
        if (branch is IBlockOperation block)
        {
            statements.AddRange(block.Operations);
        }
        else
        {
            statements.Add(branch);
        }

        statements.AddRange(rest);
        return Statements(statements, 0, depth);
    }

    private bool Declare(IVariableDeclarationGroupOperation group)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                if (declarator.Initializer is not { } initializer || IsWritten(declarator.Symbol))
                {
                    return false;
                }

                _locals[declarator.Symbol] = initializer.Value;
            }
        }

        return true;
    }

    private bool IsWritten(ILocalSymbol local)
    {
        foreach (var operation in _predicate.Body.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && (reference.Parent is IAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference)
                    || reference.Parent is IIncrementOrDecrementOperation
                    || reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }))
            {
                return true;
            }
        }

        return false;
    }

    private Answer Bool(IOperation operation, int depth)
    {
        operation = operation.WalkDownConversion();
        if (depth > MaxDepth || --_budget < 0)
        {
            return Answer.Unknown;
        }

        if (operation.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant ? Answer.Accepts : Answer.Rejects;
        }

        switch (operation)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Not(Bool(not.Operand, depth + 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } or:
                return Or(Bool(or.LeftOperand, depth + 1), Bool(or.RightOperand, depth + 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } and:
                return Not(Or(Not(Bool(and.LeftOperand, depth + 1)), Not(Bool(and.RightOperand, depth + 1))));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } equals:
                var compared = Compare(equals.LeftOperand, equals.RightOperand, StringComparison.Ordinal, depth);
                return equals.OperatorKind == BinaryOperatorKind.Equals ? compared : Not(compared);
            case IIsPatternOperation pattern:
                return Pattern(String(pattern.Value, depth + 1), pattern.Pattern);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Bool(conditional.Condition, depth + 1) switch
                {
                    Answer.Accepts => Bool(conditional.WhenTrue, depth + 1),
                    Answer.Rejects => Bool(whenFalse, depth + 1),
                    Answer.DependsOnValue => Either(Bool(conditional.WhenTrue, depth + 1), Bool(whenFalse, depth + 1)),
                    _ => Answer.Unknown,
                };
            case IInvocationOperation invocation:
                return Invocation(invocation, depth);
            default:
                return Answer.Unknown;
        }
    }

    private Answer Invocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "Contains" && ListContainsOrigin(invocation))
        {
            return Answer.Accepts;
        }

        if (method.ContainingType?.SpecialType != SpecialType.System_String)
        {
            return Answer.Unknown;
        }

        var arguments = invocation.Arguments;
        var comparison = StringComparison.Ordinal;
        if (arguments.Length > 0 && arguments[arguments.Length - 1].Parameter?.Type.Name == nameof(StringComparison))
        {
            // Only the defined values: the framework throws on any other, and so would this evaluation.
            if (arguments[arguments.Length - 1].Value.ConstantValue is not { HasValue: true, Value: int mode and >= 0 and <= 5 })
            {
                return Answer.Unknown;
            }

            comparison = (StringComparison)mode;
        }

        if (method.IsStatic)
        {
            if (method.Name is "IsNullOrEmpty" or "IsNullOrWhiteSpace" && arguments.Length == 1)
            {
                var tested = String(arguments[0].Value, depth + 1);
                return tested.Kind != Answer.Accepts ? tested.Kind
                    : Of(method.Name == "IsNullOrEmpty" ? string.IsNullOrEmpty(tested.Value) : string.IsNullOrWhiteSpace(tested.Value));
            }

            return method.Name == "Equals" && arguments.Length >= 2 ? Compare(arguments[0].Value, arguments[1].Value, comparison, depth) : Answer.Unknown;
        }

        if (invocation.Instance is not { } instance || arguments.Length == 0 || arguments[0].Value.Type?.SpecialType != SpecialType.System_String)
        {
            return Answer.Unknown;
        }

        if (method.Name == "Equals")
        {
            return Compare(instance, arguments[0].Value, comparison, depth);
        }

        var text = String(instance, depth + 1);
        var part = String(arguments[0].Value, depth + 1);
        if (text.Kind != Answer.Accepts || part.Kind != Answer.Accepts)
        {
            return Combine(text.Kind, part.Kind);
        }

        return method.Name switch
        {
            "StartsWith" => Of(text.Value!.StartsWith(part.Value!, comparison)),
            "EndsWith" => Of(text.Value!.EndsWith(part.Value!, comparison)),
            "Contains" when arguments.Length == 1 => Of(text.Value!.IndexOf(part.Value!, StringComparison.Ordinal) >= 0),
            _ => Answer.Unknown,
        };
    }

    /// <summary><c>allowed.Contains(origin)</c> where <c>allowed</c> is the collection the entry was listed from.</summary>
    private bool ListContainsOrigin(IInvocationOperation invocation)
    {
        if (_origin.List is not { } list)
        {
            return false;
        }

        var collection = invocation.Instance ?? (invocation.Arguments.Length == 2 ? invocation.Arguments[0].Value : null);
        var item = invocation.Instance is null ? (invocation.Arguments.Length == 2 ? invocation.Arguments[1].Value : null) : (invocation.Arguments.Length >= 1 ? invocation.Arguments[0].Value : null);
        return collection is not null && item is not null
            && SymbolEqualityComparer.Default.Equals(Referenced(collection), list)
            && IsOrigin(item);
    }

    private bool IsOrigin(IOperation operation) =>
        operation.WalkDownConversion() is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, _predicate.Origin);

    private Answer Compare(IOperation left, IOperation right, StringComparison comparison, int depth)
    {
        if (_origin.Element is { } element
            && (IsOrigin(left) && SymbolEqualityComparer.Default.Equals(Referenced(right), element)
                || IsOrigin(right) && SymbolEqualityComparer.Default.Equals(Referenced(left), element)))
        {
            return Answer.Accepts;
        }

        var a = String(left, depth + 1);
        var b = String(right, depth + 1);
        return a.Kind == Answer.Accepts && b.Kind == Answer.Accepts
            ? Of(string.Equals(a.Value, b.Value, comparison))
            : Combine(a.Kind, b.Kind);
    }

    private static Answer Pattern(Text value, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                if (constant.Value.GetConstantString() is not { } text)
                {
                    return constant.Value.ConstantValue is { HasValue: true, Value: null } && value.Kind == Answer.Accepts ? Of(value.Value is null) : Answer.Unknown;
                }

                return value.Kind == Answer.Accepts ? Of(string.Equals(value.Value, text, StringComparison.Ordinal)) : value.Kind;
            case IBinaryPatternOperation binary:
                var left = Pattern(value, binary.LeftPattern);
                var right = Pattern(value, binary.RightPattern);
                return binary.OperatorKind == BinaryOperatorKind.Or ? Or(left, right) : Not(Or(Not(left), Not(right)));
            case INegatedPatternOperation negated:
                return Not(Pattern(value, negated.Pattern));
            default:
                return Answer.Unknown;
        }
    }

    /// <summary>The string an expression has for the listed origin: Accepts with the value, DependsOnValue, or Unknown.</summary>
    private Text String(IOperation operation, int depth)
    {
        operation = operation.WalkDownConversion();
        if (depth > MaxDepth)
        {
            return Text.Unknown;
        }

        if (operation.GetConstantString() is { } constant)
        {
            return new Text(Answer.Accepts, constant);
        }

        switch (operation)
        {
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, _predicate.Origin):
                return _origin.Value is { } value ? new Text(Answer.Accepts, value) : new Text(Answer.DependsOnValue, null);
            case ILocalReferenceOperation local when _locals.TryGetValue(local.Local, out var initializer):
                return String(initializer, depth + 1);
            case IInvocationOperation { Arguments.Length: 0, Instance: { } receiver, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } method }:
                var text = String(receiver, depth + 1);
                if (text.Kind != Answer.Accepts)
                {
                    return text;
                }

                return method.Name switch
                {
                    "ToLower" or "ToLowerInvariant" => new Text(Answer.Accepts, text.Value!.ToLowerInvariant()),
                    "ToUpper" or "ToUpperInvariant" => new Text(Answer.Accepts, text.Value!.ToUpperInvariant()),
                    "Trim" => new Text(Answer.Accepts, text.Value!.Trim()),
                    "ToString" => text,
                    _ => Text.Unknown,
                };
            case IPropertyReferenceOperation { Property.Name: "Host" or "Scheme" or "Authority" } property
                when property.Instance?.WalkDownConversion() is IObjectCreationOperation { Arguments.Length: 1, Type.Name: "Uri" } creation
                    && creation.Type?.ContainingNamespace?.Name == "System":
                var origin = String(creation.Arguments[0].Value, depth + 1);
                if (origin.Kind != Answer.Accepts)
                {
                    return origin;
                }

                if (!Uri.TryCreate(origin.Value, UriKind.Absolute, out var uri))
                {
                    return Text.Unknown;
                }

                return new Text(Answer.Accepts, property.Property.Name switch
                {
                    "Host" => uri.Host,
                    "Scheme" => uri.Scheme,
                    _ => uri.Authority,
                });
            default:
                return Text.Unknown;
        }
    }

    private static ISymbol? Referenced(IOperation operation) => operation.WalkDownConversion() switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IPropertyReferenceOperation { Property.Parameters.Length: 0 } property => property.Property,
        _ => null,
    };

    private static Answer Of(bool value) => value ? Answer.Accepts : Answer.Rejects;

    private static Answer Not(Answer answer) => answer switch
    {
        Answer.Accepts => Answer.Rejects,
        Answer.Rejects => Answer.Accepts,
        _ => answer,
    };

    private static Answer Or(Answer left, Answer right)
    {
        if (left == Answer.Accepts || right == Answer.Accepts)
        {
            return Answer.Accepts;
        }

        if (left == Answer.Rejects)
        {
            return right;
        }

        return right == Answer.Rejects ? left : Combine(left, right);
    }

    /// <summary>Two answers of which either may be the result.</summary>
    private static Answer Either(Answer first, Answer second) =>
        first == second ? first : first == Answer.Unknown || second == Answer.Unknown ? Answer.Unknown : Answer.DependsOnValue;

    private static Answer Combine(Answer first, Answer second) =>
        first == Answer.Unknown || second == Answer.Unknown ? Answer.Unknown : Answer.DependsOnValue;

    private readonly struct Text
    {
        public static readonly Text Unknown = new(Answer.Unknown, null);

        public Text(Answer kind, string? value)
        {
            Kind = kind;
            Value = value;
        }

        /// <summary>Accepts when <see cref="Value"/> is known; DependsOnValue or Unknown otherwise.</summary>
        public Answer Kind { get; }

        public string? Value { get; }
    }
}
