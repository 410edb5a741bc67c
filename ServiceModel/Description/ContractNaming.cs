using System.Text;
using System.Xml;

namespace Ikosa.ServiceModel.Description;

/// <summary>WCF's naming rules for contracts, operations, actions and faults (ServiceReflector / NamingHelper).</summary>
internal static class ContractNaming
{
    public const string DefaultNamespace = "http://tempuri.org/";

    /// <summary><c>ns/Contract/Operation</c> (+ <c>Response</c>); an empty namespace gives <c>urn:</c>.</summary>
    public static string DefaultAction(string contractNamespace, string contractName, string operationName, bool isResponse)
    {
        var action = new StringBuilder(64);
        if (contractNamespace.Length == 0)
            action.Append("urn:");
        else
        {
            action.Append(contractNamespace);
            if (!contractNamespace.EndsWith('/'))
                action.Append('/');
        }
        action.Append(contractName).Append('/').Append(operationName);
        if (isResponse)
            action.Append("Response");
        return action.ToString();
    }

    /// <summary>A CLR type's name as WCF spells it in names: <c>ListOf_Int32</c>, <c>ArrayOfString</c>.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsGenericType)
        {
            var tick = type.Name.IndexOf('`');
            var name = new StringBuilder(tick > 0 ? type.Name[..tick] : type.Name).Append("Of");
            foreach (var argument in type.GetGenericArguments())
                name.Append('_').Append(TypeName(argument));
            return name.ToString();
        }
        return type.IsArray ? "ArrayOf" + TypeName(type.GetElementType()!) : type.Name;
    }

    /// <summary>A name made safe as an XML local name (unchanged when it already is one).</summary>
    public static string XmlName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
            return name;
        }
        catch (XmlException)
        {
            return XmlConvert.EncodeLocalName(name)!;
        }
    }
}
