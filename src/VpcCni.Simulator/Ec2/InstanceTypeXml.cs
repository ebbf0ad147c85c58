using VpcCni.Engine.Limits;

namespace VpcCni.Simulator.Ec2;

/// <summary>An <c>instanceTypeSet/item</c> with the <c>networkInfo</c> the CNI reads (EC2 API Reference, NetworkInfo), from the engine's catalog.</summary>
internal static class InstanceTypeXml
{
    public static void Write(Ec2ResponseWriter xml, InstanceTypeLimits type, int maximumEfaInterfaces)
    {
        xml.Element("instanceType", type.InstanceType);
        xml.Element("currentGeneration", true);
        xml.Element("bareMetal", type.IsBareMetal);
        if (type.Hypervisor is "nitro" or "xen")
        {
            xml.Element("hypervisor", type.Hypervisor);
        }

        xml.Start("vCpuInfo");
        xml.Element("defaultVCpus", type.EffectiveVCpus);
        xml.End();
        if (type.MemoryMib is { } memory)
        {
            xml.Start("memoryInfo");
            xml.Element("sizeInMiB", memory);
            xml.End();
        }

        var cards = type.NetworkCards.Count > 0 ? type.NetworkCards : [new NetworkCardLimit(0, type.EniLimit)];
        xml.Start("networkInfo");
        xml.Element("maximumNetworkInterfaces", type.TotalEniLimit);
        xml.Element("maximumNetworkCards", cards.Count);
        xml.Element("defaultNetworkCardIndex", type.DefaultNetworkCardIndex);
        xml.Start("networkCards");
        foreach (var card in cards)
        {
            xml.Start("item");
            xml.Element("networkCardIndex", card.Index);
            xml.Element("maximumNetworkInterfaces", card.MaximumNetworkInterfaces);
            xml.End();
        }

        xml.End();
        xml.Element("ipv4AddressesPerInterface", type.Ipv4PerEni);
        xml.Element("ipv6AddressesPerInterface", type.Ipv6PerEni ?? type.Ipv4PerEni);
        xml.Element("ipv6Supported", true);
        xml.Element("enaSupport", type.Hypervisor == "xen" ? "unsupported" : "required");
        xml.Element("efaSupported", maximumEfaInterfaces > 0);
        if (maximumEfaInterfaces > 0)
        {
            xml.Start("efaInfo");
            xml.Element("maximumEfaInterfaces", maximumEfaInterfaces);
            xml.End();
        }

        xml.End();
    }
}
