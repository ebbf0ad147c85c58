using System.Globalization;
using System.Text;

namespace VpcCni.Simulator.World;

/// <summary>EC2-shaped ids (<c>prefix-</c> + 17 lower-hex) and locally administered MACs from a seeded generator (docs/simulator.md).</summary>
internal sealed class SimIds(int seed)
{
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    public string Next(string prefix)
    {
        while (true)
        {
            var sb = new StringBuilder(prefix.Length + 18).Append(prefix).Append('-');
            for (var i = 0; i < 17; i++)
            {
                sb.Append("0123456789abcdef"[_random.Next(16)]);
            }

            var id = sb.ToString();
            if (_issued.Add(id))
            {
                return id;
            }
        }
    }

    public string Reserve(string id)
    {
        _issued.Add(id);
        return id;
    }

    public string NextMac()
    {
        while (true)
        {
            var bytes = new byte[5];
            _random.NextBytes(bytes);
            var mac = "02:" + string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            if (_issued.Add(mac))
            {
                return mac;
            }
        }
    }

    public double NextDouble() => _random.NextDouble();
}
