using System.Reflection;
using System.Reflection.Emit;

namespace IaGenify.Architecture.Tests;

/// <summary>
/// The types one type uses: its base type, interfaces, attributes, member signatures and the types its method bodies
/// touch (read from their IL). Constants (enum values, const strings) are compiled into the caller, so they do not
/// count: sharing a name is not coupling.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
                                          | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null)
                return;
            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }
            if (t.IsGenericParameter || !found.Add(t.IsGenericType ? t.GetGenericTypeDefinition() : t))
                return;
            if (t.IsGenericType)
                foreach (var argument in t.GetGenericArguments())
                    Add(argument);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
            Add(i);
        foreach (var attribute in type.GetCustomAttributesData())
            Add(attribute.AttributeType);
        foreach (var field in type.GetFields(Declared))
            Add(field.FieldType);
        foreach (var property in type.GetProperties(Declared))
            Add(property.PropertyType);
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
                Add(info.ReturnType);
            foreach (var parameter in method.GetParameters())
                Add(parameter.ParameterType);
            foreach (var used in InBody(method))
                Add(used);
        }
        found.Remove(type);
        return found;
    }

    private static IEnumerable<Type> InBody(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException)
        {
            yield break;
        }
        if (il is null)
            yield break;
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
                value = unchecked((short)(0xFE00 | il[position++]));
            if (!OpCodesByValue.TryGetValue(value, out var opCode))
                yield break;
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    MemberInfo? member;
                    try
                    {
                        member = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        continue;
                    }
                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            yield return f.DeclaringType!;
                            yield return f.FieldType;
                            break;
                        case MethodBase m:
                            yield return m.DeclaringType!;
                            if (m is MethodInfo { IsGenericMethod: true } generic)
                                foreach (var argument in generic.GetGenericArguments())
                                    yield return argument;
                            break;
                    }
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + 4 * count;
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
