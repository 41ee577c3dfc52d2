using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Model;

/// <summary>
/// Follows a value given to a policy builder call back to the configuration reads it comes from: through conversions,
/// <c>??</c>, <c>?:</c>, locals, readonly fields, <c>Split</c>, <c>ToArray</c>/<c>Select</c>, option classes bound with
/// <c>Get&lt;T&gt;()</c> or <c>Bind</c>, and the project's own helper methods (their return values, with their parameters
/// bound to the arguments of the call).
/// </summary>
internal sealed class ConfigurationReads
{
    private const int MaxDepth = 10;

    private readonly CorsKnownTypes _types;
    private readonly ConfigurationTypes _configuration;
    private readonly CancellationToken _cancellationToken;
    private readonly List<ConfigurationRead> _reads = new();

    // Locals and methods being followed on the current walk: a value that refers back to itself adds nothing.
    private readonly HashSet<ISymbol> _active = new(SymbolEqualityComparer.Default);

    private ConfigurationReads(CorsKnownTypes types, CancellationToken cancellationToken)
    {
        _types = types;
        _configuration = types.Configuration;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The configuration reads that reach the arguments of a builder call (or the builder constructor).</summary>
    public static ImmutableArray<ConfigurationRead> Of(IOperation call, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (types.Configuration.IConfiguration is null)
        {
            return ImmutableArray<ConfigurationRead>.Empty;
        }

        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        var walker = new ConfigurationReads(types, cancellationToken);
        foreach (var argument in arguments)
        {
            walker.Trace(argument.Value, default, 0, null);
        }

        return walker._reads.ToImmutableArray();
    }

    /// <summary>The configuration reads one value comes from (a local tested for emptiness, a <c>??</c> operand).</summary>
    public static ImmutableArray<ConfigurationRead> OfValue(IOperation value, CorsKnownTypes types, CancellationToken cancellationToken)
    {
        if (types.Configuration.IConfiguration is null)
        {
            return ImmutableArray<ConfigurationRead>.Empty;
        }

        var walker = new ConfigurationReads(types, cancellationToken);
        walker.Trace(value, default, 0, null);
        return walker._reads.ToImmutableArray();
    }

    /// <summary>What the walk carries from the builder call towards the read.</summary>
    private readonly struct Flow
    {
        public Flow(ConfiguredSplit? split, bool trimmed, bool fallback, bool transformed = false)
        {
            Split = split;
            Trimmed = trimmed;
            Fallback = fallback;
            Transformed = transformed;
        }

        public ConfiguredSplit? Split { get; }

        /// <summary>Each entry is trimmed after the split (<c>.Select(o =&gt; o.Trim())</c>).</summary>
        public bool Trimmed { get; }

        public bool Fallback { get; }

        /// <summary>Each entry goes through a projection that is not a trim (<c>.Select(o =&gt; o.RemovePostFix("/"))</c>).</summary>
        public bool Transformed { get; }
    }

    /// <summary>Arguments of the helper calls being followed, innermost first.</summary>
    private sealed class Frame
    {
        public Frame(Dictionary<IParameterSymbol, IOperation> arguments, Frame? outer, IOperation? instance = null)
        {
            Arguments = arguments;
            Outer = outer;
            Instance = instance;
        }

        public Dictionary<IParameterSymbol, IOperation> Arguments { get; }

        /// <summary>What <c>this</c> is in the member being followed: the receiver of the call or property read.</summary>
        public IOperation? Instance { get; }

        public Frame? Outer { get; }
    }

    private void Trace(IOperation? operation, Flow flow, int depth, Frame? frame)
    {
        if (operation is null || depth > MaxDepth)
        {
            return;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        operation = operation.WalkDownConversion();
        switch (operation)
        {
            case ICoalesceOperation coalesce:
                Trace(coalesce.Value, new Flow(flow.Split, flow.Trimmed, fallback: true, flow.Transformed), depth + 1, frame);
                Trace(coalesce.WhenNull, flow, depth + 1, frame);
                return;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Trace(conditional.WhenTrue, flow, depth + 1, frame);
                Trace(whenFalse, flow, depth + 1, frame);
                return;
            case IConditionalAccessOperation access:
                Trace(access.WhenNotNull, flow, depth + 1, frame);
                return;
            case IConditionalAccessInstanceOperation instance:
                Trace(ConditionalReceiver(instance), flow, depth + 1, frame);
                return;
            case ILocalReferenceOperation local when _active.Add(local.Local):
                var writes = LocalWrites.Of(local, _cancellationToken) ?? ImmutableArray<IOperation>.Empty;

                // Several writes: which one is in the local at the call is not followed, so the others count as fallbacks.
                var written = writes.Length > 1 ? new Flow(flow.Split, flow.Trimmed, fallback: true, flow.Transformed) : flow;
                foreach (var value in writes)
                {
                    Trace(value, written, depth + 1, frame);
                }

                _active.Remove(local.Local);
                return;
            case IParameterReferenceOperation parameter:
                if (Argument(parameter.Parameter, frame) is { } argument)
                {
                    Trace(argument, flow, depth + 1, frame!.Outer);
                }

                return;
            case IInstanceReferenceOperation when frame?.Instance is { } receiver:
                Trace(receiver, flow, depth + 1, frame.Outer);
                return;
            case IFieldReferenceOperation { Field: { IsReadOnly: true, IsConst: false } field } reference:
                Trace(SourceOperations.GetInitializer(field, reference, _cancellationToken), flow, depth + 1, null);
                return;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    Trace(element, flow, depth + 1, frame);
                }

                return;
            case { Syntax: CollectionExpressionSyntax }:
                // Roslyn 4.8 has no collection-expression operation: its children are the elements, a spread's child its collection.
                foreach (var element in operation.ChildOperations)
                {
                    Trace(element.Syntax is SpreadElementSyntax ? First(element.ChildOperations) : element, flow, depth + 1, frame);
                }

                return;
            case IInvocationOperation invocation:
                TraceInvocation(invocation, flow, depth, frame);
                return;
            case IPropertyReferenceOperation property:
                TraceProperty(property, flow, depth, frame);
                return;
        }
    }

    private void TraceInvocation(IInvocationOperation invocation, Flow flow, int depth, Frame? frame)
    {
        var method = invocation.TargetMethod;
        if (_configuration.IsBinder(method))
        {
            TraceBinderCall(invocation, flow, depth, frame);
            return;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String && method.Name == "Split" && invocation.Instance is { } text)
        {
            if (flow.Split is null)
            {
                Trace(text, new Flow(ReadSplit(invocation, flow.Trimmed), flow.Trimmed, flow.Fallback, flow.Transformed), depth + 1, frame);
            }

            return;
        }

        if (_configuration.Enumerable is { } enumerable && SymbolEqualityComparer.Default.Equals(method.ContainingType, enumerable) && invocation.Arguments.Length > 0)
        {
            var source = invocation.Arguments[0].Value;
            switch (method.Name)
            {
                case "ToArray" or "ToList" or "AsEnumerable" or "Distinct" or "Where" or "ToHashSet":
                    Trace(source, flow, depth + 1, frame);
                    break;
                case "Select" when invocation.Arguments.Length == 2 && ChildrenValues(source, invocation.Arguments[1].Value) is { } children:
                    // section.GetChildren().Select(c => c.Value): the entries of the section, as Get<string[]>() reads them.
                    Add(invocation, SectionPath(children.Instance, depth + 1, frame), ConfiguredShape.List, null, flow);
                    break;
                case "Select" when invocation.Arguments.Length == 2 && IsTrim(invocation.Arguments[1].Value):
                    Trace(source, new Flow(flow.Split?.WithTrim(), trimmed: true, flow.Fallback, flow.Transformed), depth + 1, frame);
                    break;
                case "Select" when invocation.Arguments.Length == 2 && flow.Split is null && !flow.Trimmed:
                    // A projection that does not trim leaves the split's whitespace; what else it does to the values is not followed.
                    Trace(source, new Flow(null, trimmed: false, flow.Fallback, transformed: true), depth + 1, frame);
                    break;
            }

            return;
        }

        if (method is { Name: "ToArray", Parameters.Length: 0, ContainingType.ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace.Name: "System" } } }
            && invocation.Instance is { } list)
        {
            Trace(list, flow, depth + 1, frame);
            return;
        }

        if (!_types.IsElsewhere(method) && !method.IsAbstract && !_active.Contains(method.OriginalDefinition)
            && SourceOperations.GetBody(method, invocation, _cancellationToken) is { } body)
        {
            _active.Add(method.OriginalDefinition);
            var arguments = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter)
                {
                    arguments[parameter.OriginalDefinition] = argument.Value;
                }
            }

            var inner = new Frame(arguments, frame, invocation.Instance);
            foreach (var returned in Returns(body))
            {
                Trace(returned, flow, depth + 1, inner);
            }

            _active.Remove(method.OriginalDefinition);
        }
    }

    private void TraceBinderCall(IInvocationOperation invocation, Flow flow, int depth, Frame? frame)
    {
        var method = invocation.TargetMethod;
        if (!method.IsGenericMethod || method.TypeArguments.Length != 1 || invocation.Arguments.Length == 0)
        {
            return;
        }

        var type = method.TypeArguments[0];
        var section = SectionPath(invocation.Arguments[0].Value, depth, frame);
        switch (method.Name)
        {
            case "GetValue" when invocation.Arguments.Length >= 2:
                var key = Combine(section, KnownValue.Of(invocation.Arguments[1].Value, _cancellationToken));
                var collection = IsCollection(type);
                // GetValue<T>(key, defaultValue) returns the default where the section has no value of its own.
                var withDefault = invocation.Arguments.Length > 2 ? new Flow(flow.Split, flow.Trimmed, fallback: true, flow.Transformed) : flow;
                Add(invocation, key, collection ? ConfiguredShape.List : ConfiguredShape.Value, collection ? type : null, withDefault);
                break;
            case "Get" when IsStringCollection(type):
                Add(invocation, section, ConfiguredShape.List, null, flow);
                break;
            case "Get" when type.SpecialType == SpecialType.System_String:
                Add(invocation, section, ConfiguredShape.Value, null, flow);
                break;
        }
    }

    private void TraceProperty(IPropertyReferenceOperation reference, Flow flow, int depth, Frame? frame)
    {
        var property = reference.Property;
        if (_configuration.IsConfiguration(property.ContainingType))
        {
            if (property.IsIndexer && reference.Arguments.Length == 1 && reference.Instance is { } configuration)
            {
                var key = Combine(SectionPath(configuration, depth, frame), KnownValue.Of(reference.Arguments[0].Value, _cancellationToken));
                Add(reference, key, ConfiguredShape.Value, null, flow);
            }
            else if (property.Name == "Value" && reference.Instance is { } section && CorsKnownTypes.Implements(property.ContainingType, _configuration.IConfigurationSection))
            {
                Add(reference, SectionPath(section, depth, frame), ConfiguredShape.Value, null, flow);
            }

            return;
        }

        // A computed property of the project's own (string[] Origins => AllowedOrigins.Split(',')): what its getter returns,
        // with 'this' the object read. The binder never sets such a property.
        if (!property.IsIndexer && !_types.IsElsewhere(property) && _active.Add(property.OriginalDefinition))
        {
            var getter = SourceOperations.GetGetterBody(property, reference, _cancellationToken);
            if (getter is not null)
            {
                var inner = new Frame(new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default), frame, reference.Instance);
                foreach (var returned in Returns(getter))
                {
                    Trace(returned, flow, depth + 1, inner);
                }
            }

            _active.Remove(property.OriginalDefinition);
            if (getter is not null)
            {
                return;
            }
        }

        // A property of an option class bound from a section: Cors:AllowedOrigins for settings.AllowedOrigins bound from "Cors".
        if (reference.Instance is { } instance && !property.IsIndexer && !property.IsStatic
            && (IsStringCollection(property.Type) || property.Type.SpecialType == SpecialType.System_String)
            && BoundSection(instance, depth + 1, frame) is { } prefix)
        {
            var shape = property.Type.SpecialType == SpecialType.System_String ? ConfiguredShape.Value : ConfiguredShape.List;
            Add(reference, Combine(prefix, KeyName(property)), shape, null, flow);
        }
    }

    private void Add(IOperation read, string? key, ConfiguredShape shape, ITypeSymbol? getValueCollection, Flow flow)
    {
        // A split only applies to a single string; a collection read that reaches a Split is something else.
        var split = shape == ConfiguredShape.Value ? flow.Split : null;
        for (var i = 0; i < _reads.Count; i++)
        {
            var existing = _reads[i];
            if (ReferenceEquals(existing.Read, read) && ReferenceEquals(existing.Split?.Call, split?.Call))
            {
                // The walk is not flow-sensitive: when any way there has a fallback, claim only what holds with it.
                if ((flow.Fallback && !existing.HasFallback) || (flow.Transformed && !existing.ValuesTransformed))
                {
                    _reads[i] = new ConfigurationRead(read, key, shape, getValueCollection, split, existing.HasFallback || flow.Fallback, existing.ValuesTransformed || flow.Transformed);
                }

                return;
            }
        }

        _reads.Add(new ConfigurationRead(read, key, shape, getValueCollection, split, flow.Fallback, flow.Transformed));
    }

    /// <summary>The section an <c>IConfiguration</c> expression stands for: "" for the root, "A:B" for a section, null when not known.</summary>
    private string? SectionPath(IOperation? operation, int depth, Frame? frame)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        operation = operation.WalkDownConversion();
        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "GetSection", Instance: { } instance, Arguments.Length: 1 } invocation
                when _configuration.IsConfiguration(invocation.TargetMethod.ContainingType):
                return Combine(SectionPath(instance, depth + 1, frame), KnownValue.Of(invocation.Arguments[0].Value, _cancellationToken));
            case IInvocationOperation { TargetMethod.Name: "GetRequiredSection", Arguments.Length: 2 } invocation
                when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _configuration.ConfigurationExtensions):
                return Combine(SectionPath(invocation.Arguments[0].Value, depth + 1, frame), KnownValue.Of(invocation.Arguments[1].Value, _cancellationToken));
            case ILocalReferenceOperation local:
                return LocalWrites.Of(local, _cancellationToken) is { Length: 1 } writes ? SectionPath(writes[0], depth + 1, frame) : null;
            case IParameterReferenceOperation parameter when Argument(parameter.Parameter, frame) is { } argument:
                return SectionPath(argument, depth + 1, frame!.Outer);
            case IInvocationOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                return IsRoot(operation.Type) ? string.Empty : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// An <c>IConfiguration</c> that is the application's configuration: the root interfaces, or <c>IConfiguration</c> itself
    /// (what dependency injection, <c>builder.Configuration</c> and hosting contexts hand out). A section is never the root.
    /// </summary>
    private bool IsRoot(ITypeSymbol? type) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, _configuration.IConfiguration) || CorsKnownTypes.Implements(type, _configuration.IConfigurationRoot))
        && !CorsKnownTypes.Implements(type, _configuration.IConfigurationSection);

    /// <summary>The section an option object was bound from: <c>section.Get&lt;T&gt;()</c>, or a local filled with <c>section.Bind(local)</c>.</summary>
    private string? BoundSection(IOperation instance, int depth, Frame? frame)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        instance = instance.WalkDownConversion();
        switch (instance)
        {
            case IInvocationOperation { TargetMethod: { Name: "Get", IsGenericMethod: true } method } get when _configuration.IsBinder(method) && get.Arguments.Length > 0:
                return SectionPath(get.Arguments[0].Value, depth + 1, frame);
            case ILocalReferenceOperation local:
                if (LocalWrites.Of(local, _cancellationToken) is not { Length: 1 } writes)
                {
                    return null;
                }

                return writes[0].WalkDownConversion() is IObjectCreationOperation ? BindTarget(local, depth, frame) : BoundSection(writes[0], depth + 1, frame);
            case ICoalesceOperation coalesce:
                // section.Get<T>() ?? new T(): the fallback has the defaults of the class, not values from a file.
                return BoundSection(coalesce.Value, depth + 1, frame);
            case IPropertyReferenceOperation { Instance: { } outer, Property: { IsStatic: false, IsIndexer: false } property } when !_configuration.IsConfiguration(property.Type):
                return Combine(BoundSection(outer, depth + 1, frame), KeyName(property));
            case IParameterReferenceOperation parameter when Argument(parameter.Parameter, frame) is { } argument:
                return BoundSection(argument, depth + 1, frame!.Outer);
            case IInstanceReferenceOperation when frame?.Instance is { } receiver:
                return BoundSection(receiver, depth + 1, frame.Outer);
            default:
                return null;
        }
    }

    /// <summary>The section of the one <c>Bind</c> call that fills the local (<c>section.Bind(settings)</c>); null unless there is exactly one.</summary>
    private string? BindTarget(ILocalReferenceOperation local, int depth, Frame? frame)
    {
        string? found = null;
        var count = 0;
        foreach (var operation in LocalWrites.Root(local).Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Bind" } bind && _configuration.IsBinder(bind.TargetMethod)
                && bind.Arguments.Length >= 2
                && bind.Arguments[bind.Arguments.Length - 1].Value.WalkDownConversion() is ILocalReferenceOperation target
                && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
            {
                var section = SectionPath(bind.Arguments[0].Value, depth + 1, frame);
                found = bind.Arguments.Length == 3 ? Combine(section, KnownValue.Of(bind.Arguments[1].Value, _cancellationToken)) : section;
                count++;
            }
        }

        return count == 1 ? found : null;
    }

    /// <summary>The configuration key of an option property: its <c>[ConfigurationKeyName]</c>, otherwise its name.</summary>
    private string KeyName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _configuration.ConfigurationKeyNameAttribute)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return property.Name;
    }

    private ConfiguredSplit ReadSplit(IInvocationOperation split, bool trimmedAfterwards)
    {
        var separators = ImmutableArray.CreateBuilder<string>();
        var separatorsKnown = true;
        var options = 0;
        var optionsKnown = true;
        foreach (var argument in split.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.Type.TypeKind == TypeKind.Enum)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: int flags })
                {
                    options = flags;
                }
                else
                {
                    optionsKnown = false;
                }
            }
            else if (parameter.Name == "separator")
            {
                separatorsKnown &= AddSeparators(argument.Value, separators);
            }
        }

        // StringSplitOptions.RemoveEmptyEntries = 1, TrimEntries = 2.
        var trims = trimmedAfterwards || !optionsKnown || (options & 2) != 0;
        return new ConfiguredSplit(split, separatorsKnown ? separators.ToImmutable() : ImmutableArray<string>.Empty, trims, !optionsKnown || (options & 1) != 0);
    }

    private static bool AddSeparators(IOperation value, ImmutableArray<string>.Builder separators)
    {
        value = value.WalkDownConversion();
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            var known = true;
            foreach (var element in initializer.ElementValues)
            {
                known &= AddSeparators(element, separators);
            }

            return known;
        }

        switch (value.ConstantValue)
        {
            case { HasValue: true, Value: char c }:
                separators.Add(c.ToString());
                return true;
            case { HasValue: true, Value: string s }:
                separators.Add(s);
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>section.GetChildren()</c> as the source of <c>Select(c =&gt; c.Value)</c>; null for any other source or projection.</summary>
    private IInvocationOperation? ChildrenValues(IOperation source, IOperation projection)
    {
        if (source.WalkDownConversion() is not IInvocationOperation { TargetMethod.Name: "GetChildren", Instance: not null } children
            || !_configuration.IsConfiguration(children.TargetMethod.ContainingType)
            || projection.WalkDownConversion() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda })
        {
            return null;
        }

        foreach (var returned in Returns(lambda.Body))
        {
            if (returned?.WalkDownConversion() is not IPropertyReferenceOperation { Property.Name: "Value", Instance: IParameterReferenceOperation parameter }
                || !SymbolEqualityComparer.Default.Equals(parameter.Parameter, lambda.Symbol.Parameters[0]))
            {
                return null;
            }
        }

        return children;
    }

    /// <summary>
    /// <c>o =&gt; o.Trim()</c>: a lambda that returns its parameter with the whitespace trimmed: <c>Trim()</c>, <c>TrimStart()</c>,
    /// <c>TrimEnd()</c> (or with a <c>' '</c> among their characters), also under other string calls
    /// (<c>o.Trim().TrimEnd('/')</c>). <c>o.TrimEnd('/')</c> or <c>o.RemovePostFix("/")</c> alone trim no whitespace.
    /// </summary>
    private static bool IsTrim(IOperation value)
    {
        if (value.WalkDownConversion() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            foreach (var returned in Returns(lambda.Body))
            {
                if (TrimsWhitespace(returned))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TrimsWhitespace(IOperation? value)
    {
        for (var depth = 0; depth < MaxDepth && value?.WalkDownConversion() is IInvocationOperation call; depth++)
        {
            var method = call.TargetMethod;
            if (method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Trim" or "TrimStart" or "TrimEnd" && TrimsSpace(call))
            {
                return true;
            }

            // The string the call works on: the instance, or an extension method's first argument.
            value = call.Instance ?? (method.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        }

        return false;
    }

    /// <summary><c>Trim()</c> trims whitespace; <c>Trim('/')</c> only the characters given.</summary>
    private static bool TrimsSpace(IInvocationOperation trim)
    {
        if (trim.Arguments.Length == 0)
        {
            return true;
        }

        foreach (var argument in trim.Arguments)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation.ConstantValue is { HasValue: true, Value: ' ' })
                {
                    return true;
                }
            }

            // params char[] with no element given: TrimEnd(new char[0]) trims whitespace; an unknown array may too.
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer.ElementValues.Length: 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values a body returns, not counting nested lambdas and local functions.</summary>
    private static IEnumerable<IOperation?> Returns(IOperation body)
    {
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is IReturnOperation returned)
            {
                yield return returned.ReturnedValue;
                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static IOperation? Argument(IParameterSymbol parameter, Frame? frame) =>
        frame is not null && frame.Arguments.TryGetValue(parameter.OriginalDefinition, out var argument) ? argument : null;

    private static IOperation? ConditionalReceiver(IOperation instance)
    {
        for (var current = instance.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private static IOperation? First(IEnumerable<IOperation> operations)
    {
        foreach (var operation in operations)
        {
            return operation;
        }

        return null;
    }

    private static string? Combine(string? prefix, string? key) =>
        prefix is null || key is null ? null : prefix.Length == 0 ? key : prefix + ":" + key;

    /// <summary>An array or any enumerable type other than string: what <c>GetValue&lt;T&gt;</c> never binds from an array section.</summary>
    private static bool IsCollection(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (type is IArrayTypeSymbol || type.SpecialType == SpecialType.System_Collections_IEnumerable)
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>string[]</c>, <c>List&lt;string&gt;</c>, <c>IEnumerable&lt;string&gt;</c>, ...: a collection of strings.</summary>
    private static bool IsStringCollection(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType == SpecialType.System_String;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (IsEnumerableOfString(type))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (IsEnumerableOfString(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEnumerableOfString(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true } named
        && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
        && named.TypeArguments[0].SpecialType == SpecialType.System_String;
}
