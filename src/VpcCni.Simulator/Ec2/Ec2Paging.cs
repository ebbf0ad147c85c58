using System.Globalization;
using System.Text;

namespace VpcCni.Simulator.Ec2;

/// <summary>
/// <c>MaxResults</c>/<c>NextToken</c> paging over a list in stable (id) order. The token is opaque to
/// clients: base64 of the last id returned. No MaxResults returns everything and no token.
/// </summary>
internal static class Ec2Paging
{
    public static (List<T> Page, string? NextToken) Page<T>(IEnumerable<T> ordered, Func<T, string> key, Ec2QueryRequest request, int min, int max)
    {
        var maxResults = request.GetInt("MaxResults");
        if (maxResults is { } m && (m < min || m > max))
        {
            throw Ec2Exception.Invalid(string.Create(CultureInfo.InvariantCulture, $"Value ( {m} ) for parameter maxResults is invalid. Expecting a value between {min} and {max}."));
        }

        var items = ordered;
        if (request.Get("NextToken") is { Length: > 0 } token)
        {
            var after = Decode(token);
            items = items.Where(i => string.CompareOrdinal(key(i), after) > 0);
        }

        if (maxResults is not { } size)
        {
            return ([.. items], null);
        }

        var page = items.Take(size + 1).ToList();
        if (page.Count <= size)
        {
            return (page, null);
        }

        page.RemoveAt(size);
        return (page, Convert.ToBase64String(Encoding.UTF8.GetBytes("v1:" + key(page[^1]))));
    }

    private static string Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("v1:", StringComparison.Ordinal))
            {
                return text[3..];
            }
        }
        catch (FormatException)
        {
        }

        throw new Ec2Exception("InvalidNextToken", $"The token '{token}' is invalid.");
    }
}
