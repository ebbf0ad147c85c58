using VpcCni.Engine.Errors;

namespace VpcCni.Service.Rpc;

/// <summary>Checks of request fields that the protocol leaves optional but a call cannot do without.</summary>
internal static class RequestFields
{
    /// <summary>Returns <paramref name="value"/>, or throws <c>Service.MissingRequestField</c> naming <c>messageName.field</c>.</summary>
    public static string Require(string value, string messageName, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Service.MissingRequestField,
                $"{messageName}.{field} is required and was empty.");
        }

        return value;
    }
}
