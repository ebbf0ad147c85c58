namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Error ids of the SNAT, connmark and NodePort packet filter (<c>Linux/PacketFilter</c>).</summary>
    public static class PacketFilter
    {
        /// <summary>iptables-save, iptables-restore, iptables or nft exited non-zero or could not be started.</summary>
        public const string CommandFailed = "PacketFilter.CommandFailed";

        /// <summary>After a transaction the kernel still differs from the desired rules.</summary>
        public const string VerifyFailed = "PacketFilter.VerifyFailed";

        /// <summary><c>iptables --version</c> printed something without a version number.</summary>
        public const string UnrecognisedIptablesVersion = "PacketFilter.UnrecognisedIptablesVersion";

        /// <summary><c>iptables --version</c> printed nothing at all.</summary>
        public const string EmptyIptablesVersion = "PacketFilter.EmptyIptablesVersion";

        /// <summary>iptables runs on nf_tables, so connmark needs the <c>nft</c> program, and it is not installed.</summary>
        public const string NftMissing = "PacketFilter.NftMissing";

        /// <summary>A VPC or excluded CIDR is not IPv4.</summary>
        public const string InvalidSnatCidr = "PacketFilter.InvalidSnatCidr";

        /// <summary>SNAT is on but no VPC CIDR is known.</summary>
        public const string MissingVpcCidrs = "PacketFilter.MissingVpcCidrs";

        /// <summary>The node's primary IPv4 is not a unicast IPv4 address.</summary>
        public const string InvalidNodeIp = "PacketFilter.InvalidNodeIp";

        /// <summary>The primary interface name is not a valid link name.</summary>
        public const string InvalidPrimaryInterface = "PacketFilter.InvalidPrimaryInterface";

        /// <summary>The veth prefix is too long, has bad characters or is reserved.</summary>
        public const string InvalidVethPrefix = "PacketFilter.InvalidVethPrefix";

        /// <summary>The connmark value is 0.</summary>
        public const string InvalidConnmark = "PacketFilter.InvalidConnmark";
    }
}
