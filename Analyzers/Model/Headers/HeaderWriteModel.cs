using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>One write of an <c>Access-Control-*</c> header to a response.</summary>
internal sealed class HeaderWrite
{
    public HeaderWrite(string header, IOperation operation, IOperation? value, string? constantValue, bool echoesOrigin, bool originChecked)
    {
        Header = header;
        Operation = operation;
        Value = value;
        ConstantValue = constantValue;
        EchoesOrigin = echoesOrigin;
        OriginChecked = originChecked;
    }

    /// <summary>The canonical header name (<c>Access-Control-Allow-Origin</c>).</summary>
    public string Header { get; }

    /// <summary>The assignment or call that writes the header.</summary>
    public IOperation Operation { get; }

    public IOperation? Value { get; }

    /// <summary>The written value when it is a compile-time constant.</summary>
    public string? ConstantValue { get; }

    /// <summary>The value comes from the request's <c>Origin</c> header.</summary>
    public bool EchoesOrigin { get; }

    /// <summary>For an echoed origin: an allow-list check guards the write on its path.</summary>
    public bool OriginChecked { get; }

    /// <summary>The writes of the same place, this one among them.</summary>
    public HeaderWriteModel Place { get; internal set; } = null!;

    public bool Is(string header) => string.Equals(Header, header, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The hand-written CORS headers of one place (a middleware lambda, a method, an action): every write of an
/// <c>Access-Control-*</c> header to an <c>HttpResponse</c>, in order, with where each value comes from.
/// </summary>
internal sealed class HeaderWriteModel
{
    public const string AllowOrigin = "Access-Control-Allow-Origin";
    public const string AllowCredentials = "Access-Control-Allow-Credentials";
    public const string AllowMethods = "Access-Control-Allow-Methods";
    public const string AllowHeaders = "Access-Control-Allow-Headers";
    public const string MaxAge = "Access-Control-Max-Age";
    public const string ExposeHeaders = "Access-Control-Expose-Headers";
    public const string RequestMethod = "Access-Control-Request-Method";
    public const string RequestHeaders = "Access-Control-Request-Headers";

    private static readonly string[] CorsHeaders = { AllowOrigin, AllowCredentials, AllowMethods, AllowHeaders, MaxAge, ExposeHeaders };

    private HeaderWriteModel(IOperation place, ImmutableArray<HeaderWrite> writes)
    {
        Place = place;
        Writes = writes;
        foreach (var write in writes)
        {
            write.Place = this;
        }
    }

    /// <summary>The body the writes belong to: a method, or a lambda that is not a response.OnStarting callback.</summary>
    public IOperation Place { get; }

    public ImmutableArray<HeaderWrite> Writes { get; }

    /// <summary>True when the place writes <c>Access-Control-Allow-Credentials: true</c>.</summary>
    public bool SendsCredentials
    {
        get
        {
            foreach (var write in Writes)
            {
                if (write.Is(AllowCredentials) && string.Equals(write.ConstantValue?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The canonical CORS header name that <paramref name="operation"/> writes to a response, or null when it writes none.</summary>
    public static string? WrittenHeader(IOperation operation, CorsKnownTypes types, out IOperation? value)
    {
        value = null;
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when IsResponseHeaders(property.Instance, types):
                value = assignment.Value;
                return property.Property.IsIndexer
                    ? (property.Arguments.Length == 1 ? HeaderName(property.Arguments[0].Value, types) : null)
                    : Canonical(FromPascalCase(property.Property.Name));
            case IInvocationOperation { TargetMethod.Name: "Append" or "Add" or "TryAdd" or "AppendCommaSeparatedValues" or "TryAppend" } invocation:
                var arguments = invocation.Arguments;
                var offset = invocation.Instance is null ? 1 : 0;
                var headers = invocation.Instance ?? (arguments.Length > 0 ? arguments[0].Value : null);
                if (arguments.Length < offset + 2 || !IsResponseHeaders(headers, types))
                {
                    return null;
                }

                value = arguments[offset + 1].Value;
                return HeaderName(arguments[offset].Value, types);
            case IInvalidOperation invalid:
                return UnboundWrittenHeader(invalid, types, out value);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>Response.Headers.Add("Access-Control-Allow-Origin", Settings.Origin)</c> where the value refers to a type the
    /// compilation cannot see: the call does not bind, but the receiver and the header name do, and they are enough.
    /// </summary>
    private static string? UnboundWrittenHeader(IInvalidOperation invalid, CorsKnownTypes types, out IOperation? value)
    {
        value = null;
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: { Count: 2 } arguments }
            || access.Name.Identifier.ValueText is not ("Append" or "Add" or "TryAdd" or "AppendCommaSeparatedValues" or "TryAppend")
            || invalid.SemanticModel is not { } model
            || !IsResponseHeaders(model.GetOperation(access.Expression), types)
            || model.GetOperation(arguments[0].Expression) is not { } name)
        {
            return null;
        }

        value = model.GetOperation(arguments[1].Expression);
        return HeaderName(name, types);
    }

    /// <summary>The place <paramref name="write"/> belongs to: the nearest method or lambda body that is not an OnStarting callback.</summary>
    public static IOperation PlaceOf(IOperation write)
    {
        var current = write;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation lambda && !IsOnStartingCallback(lambda))
            {
                return lambda.Body;
            }

            if (parent is ILocalFunctionOperation { Body: { } localBody })
            {
                return localBody;
            }

            current = parent;
        }

        return current;
    }

    /// <summary>Every CORS header write in <paramref name="place"/>, with the origin dataflow of the place.</summary>
    public static HeaderWriteModel Build(IOperation place, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        var originLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var writes = ImmutableArray.CreateBuilder<HeaderWrite>();
        foreach (var operation in place.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when IsRequestOrigin(initializer.Value, types, originLocals):
                    originLocals.Add(declarator.Symbol);
                    continue;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when IsRequestOrigin(assignment.Value, types, originLocals):
                    originLocals.Add(local.Local);
                    continue;
                case IInvocationOperation { TargetMethod.Name: "TryGetValue", Arguments.Length: 2 } tryGet
                    when IsRequestHeaders(tryGet.Instance, types) && IsOriginName(tryGet.Arguments[0].Value, types)
                    && tryGet.Arguments[1].Value is IDeclarationExpressionOperation { Expression: ILocalReferenceOperation outLocal }:
                    originLocals.Add(outLocal.Local);
                    continue;
            }

            if (!ReferenceEquals(PlaceOf(operation), place) || WrittenHeader(operation, types, out var value) is not { } header)
            {
                continue;
            }

            var echoes = value is not null && IsRequestOrigin(value, types, originLocals);
            writes.Add(new HeaderWrite(
                header,
                operation,
                value,
                HeaderValue.Text(value, types, cancellationToken),
                echoes,
                echoes && IsGuarded(operation, place, originLocals, types)));
        }

        return new HeaderWriteModel(place, writes.ToImmutable());
    }

    /// <summary>An allow-list check on the path: an enclosing condition, or an earlier early exit, that restricts the origin.</summary>
    private static bool IsGuarded(IOperation write, IOperation place, HashSet<ILocalSymbol> originLocals, CorsKnownTypes types)
    {
        for (IOperation? child = write, parent = write.Parent; parent is not null && !ReferenceEquals(child, place); child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && !ReferenceEquals(child, conditional.Condition) && RestrictsOrigin(conditional.Condition, originLocals, types))
            {
                return true;
            }

            if (parent is IBlockOperation block)
            {
                foreach (var statement in block.Operations)
                {
                    if (ReferenceEquals(statement, child))
                    {
                        break;
                    }

                    if (statement is IConditionalOperation { WhenTrue: { } exit } earlyExit && ExitsEarly(exit) && RestrictsOrigin(earlyExit.Condition, originLocals, types))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool ExitsEarly(IOperation branch) =>
        branch is IReturnOperation or IThrowOperation
        || (branch is IBlockOperation { Operations.Length: > 0 } block && block.Operations[block.Operations.Length - 1] is IReturnOperation or IThrowOperation);

    /// <summary>The condition restricts which origins pass (a null or empty test does not).</summary>
    private static bool RestrictsOrigin(IOperation condition, HashSet<ILocalSymbol> originLocals, CorsKnownTypes types) =>
        OriginGuard.Restricts(condition, operation => IsRequestOrigin(operation, types, originLocals));

    /// <summary>
    /// The request's <c>Origin</c>, also wrapped or indexed: <c>(string)Headers["Origin"]</c>, <c>Headers["Origin"][0]</c>,
    /// <c>.ToString()</c>, <c>.First()</c>, <c>new[] { origin }</c>, <c>new StringValues(origin)</c>, <c>origin ?? "*"</c>, and
    /// <c>c ? "*" : origin</c> where <c>c</c> does not restrict the origin.
    /// </summary>
    private static bool IsRequestOrigin(IOperation value, CorsKnownTypes types, HashSet<ILocalSymbol> originLocals)
    {
        value = value.WalkDownConversion();
        switch (value)
        {
            case ILocalReferenceOperation local:
                return originLocals.Contains(local.Local);
            case IInvocationOperation { TargetMethod.Name: "ToString" or "FirstOrDefault" or "First" or "Single" or "SingleOrDefault" or "LastOrDefault" or "Last" or "ElementAt" or "ElementAtOrDefault" or "ToArray" or "Trim" or "ToLowerInvariant" or "ToLower" } call:
                return (call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null)) is { } receiver && IsRequestOrigin(receiver, types, originLocals);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } values } indexed
                when types.StringValues is { } stringValues && SymbolEqualityComparer.Default.Equals(values.Type, stringValues):
                return IsRequestOrigin(values, types, originLocals);
            case IPropertyReferenceOperation property:
                return string.Equals(RequestHeaderRead(property, types), "Origin", StringComparison.OrdinalIgnoreCase);
            case IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements }:
                return AnyIsRequestOrigin(elements, types, originLocals);
            case IObjectCreationOperation { Arguments.Length: 1 } creation
                when types.StringValues is { } stringValues && SymbolEqualityComparer.Default.Equals(creation.Type, stringValues):
                return IsRequestOrigin(creation.Arguments[0].Value, types, originLocals);
            case ICoalesceOperation coalesce:
                return IsRequestOrigin(coalesce.Value, types, originLocals);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return (IsRequestOrigin(conditional.WhenTrue, types, originLocals) || IsRequestOrigin(whenFalse, types, originLocals))
                    && !RestrictsOrigin(conditional.Condition, originLocals, types);
            default:
                return false;
        }
    }

    private static bool AnyIsRequestOrigin(ImmutableArray<IOperation> values, CorsKnownTypes types, HashSet<ILocalSymbol> originLocals)
    {
        foreach (var element in values)
        {
            if (IsRequestOrigin(element, types, originLocals))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="value"/> reads the request header <paramref name="header"/> anywhere in it.</summary>
    public static bool ReadsRequestHeader(IOperation value, string header, CorsKnownTypes types)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation property && string.Equals(RequestHeaderRead(property, types), header, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The request header a property reads: <c>Request.Headers["Origin"]</c> or the typed <c>Request.Headers.Origin</c>.</summary>
    private static string? RequestHeaderRead(IPropertyReferenceOperation property, CorsKnownTypes types)
    {
        if (!IsRequestHeaders(property.Instance, types))
        {
            return null;
        }

        return property.Property.IsIndexer
            ? (property.Arguments.Length == 1 ? HeaderNameText(property.Arguments[0].Value, types) : null)
            : FromPascalCase(property.Property.Name);
    }

    private static bool IsOriginName(IOperation name, CorsKnownTypes types) =>
        string.Equals(HeaderNameText(name, types), "Origin", StringComparison.OrdinalIgnoreCase);

    private static string? HeaderName(IOperation name, CorsKnownTypes types) =>
        HeaderNameText(name, types) is { } text ? Canonical(text) : null;

    /// <summary>A constant header name, or a <c>HeaderNames</c> field (static readonly, so read from its name).</summary>
    private static string? HeaderNameText(IOperation name, CorsKnownTypes types)
    {
        name = name.WalkDownConversion();
        if (name.GetConstantString() is { } constant)
        {
            return constant;
        }

        return name is IFieldReferenceOperation { Field: { IsStatic: true } field } && SymbolEqualityComparer.Default.Equals(field.ContainingType, types.HeaderNames)
            ? FromPascalCase(field.Name)
            : null;
    }

    private static string? Canonical(string name)
    {
        foreach (var header in CorsHeaders)
        {
            if (string.Equals(header, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return header;
            }
        }

        return null;
    }

    private static string FromPascalCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('-');
            }

            text.Append(name[i]);
        }

        return text.ToString();
    }

    private static bool IsResponseHeaders(IOperation? headers, CorsKnownTypes types) => IsHeadersOf(headers, types.HttpResponse, types);

    private static bool IsRequestHeaders(IOperation? headers, CorsKnownTypes types) => IsHeadersOf(headers, types.HttpRequest, types);

    private static bool IsHeadersOf(IOperation? headers, INamedTypeSymbol? owner, CorsKnownTypes types)
    {
        headers = headers?.WalkDownConversion();

        // Response.Headers is typed IHeaderDictionary, and so is any local that holds it: every other receiver
        // (a list's Add, a property assignment) leaves here before the local is looked up.
        if (headers is null || !SymbolEqualityComparer.Default.Equals(headers.Type, types.IHeaderDictionary))
        {
            return false;
        }

        // var headers = context.Response.Headers; headers["..."] = ...
        if (headers is ILocalReferenceOperation { Local: { } local } reference && LocalInitializer(local, reference) is { } initializer)
        {
            headers = initializer.WalkDownConversion();
        }

        return headers is IPropertyReferenceOperation { Property.Name: "Headers", Instance: { } instance }
            && owner is not null
            && (SymbolEqualityComparer.Default.Equals(instance.Type, owner) || SymbolEqualityComparer.Default.Equals(instance.Type?.BaseType, owner));
    }

    /// <summary>The initializer of a local declared in the same body, when it is never reassigned there.</summary>
    private static IOperation? LocalInitializer(ILocalSymbol local, IOperation use)
    {
        if (local.DeclaringSyntaxReferences.Length != 1 || use.SemanticModel is not { } model)
        {
            return null;
        }

        var syntax = local.DeclaringSyntaxReferences[0].GetSyntax();
        return syntax.SyntaxTree == model.SyntaxTree && model.GetOperation(syntax) is IVariableDeclaratorOperation { Initializer: { } initializer }
            ? initializer.Value
            : null;
    }

    private static bool IsOnStartingCallback(IAnonymousFunctionOperation lambda) =>
        lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "OnStarting" } } };
}
