namespace VpcCni.Engine.Linux.Netlink;

/// <summary>
/// rtnetlink wire constants, from <c>linux/netlink.h</c>, <c>linux/rtnetlink.h</c>,
/// <c>linux/if_link.h</c>, <c>linux/if_addr.h</c>, <c>linux/fib_rules.h</c> and <c>linux/neighbour.h</c>.
/// </summary>
internal static class Rtnl
{
    // nlmsghdr types and flags (netlink(7)).
    internal const ushort NlmsgNoop = 1;
    internal const ushort NlmsgError = 2;
    internal const ushort NlmsgDone = 3;
    internal const ushort FRequest = 0x1;
    internal const ushort FMulti = 0x2;
    internal const ushort FAck = 0x4;
    internal const ushort FDumpIntr = 0x10;
    internal const ushort FDump = 0x300;
    internal const ushort FReplace = 0x100;
    internal const ushort FExcl = 0x200;
    internal const ushort FCreate = 0x400;
    internal const ushort FAckTlvs = 0x200;
    internal const ushort FCapped = 0x100;
    internal const ushort NlmsgErrAttrMsg = 1;

    // rtnetlink(7) message types.
    internal const ushort NewLink = 16;
    internal const ushort DelLink = 17;
    internal const ushort GetLink = 18;
    internal const ushort NewAddr = 20;
    internal const ushort DelAddr = 21;
    internal const ushort GetAddr = 22;
    internal const ushort NewRoute = 24;
    internal const ushort DelRoute = 25;
    internal const ushort GetRoute = 26;
    internal const ushort NewNeigh = 28;
    internal const ushort DelNeigh = 29;
    internal const ushort GetNeigh = 30;
    internal const ushort NewRule = 32;
    internal const ushort DelRule = 33;
    internal const ushort GetRule = 34;

    internal const byte AfUnspec = 0;
    internal const byte AfInet = 2;
    internal const byte AfInet6 = 10;

    // IFLA_* (if_link.h).
    internal const ushort IflaAddress = 1;
    internal const ushort IflaIfname = 3;
    internal const ushort IflaMtu = 4;
    internal const ushort IflaLink = 5;
    internal const ushort IflaOperstate = 16;
    internal const ushort IflaLinkinfo = 18;
    internal const ushort IflaNetNsFd = 28;
    internal const ushort IflaInfoKind = 1;
    internal const ushort IflaInfoData = 2;
    internal const ushort VethInfoPeer = 1;
    internal const ushort IflaVlanId = 1;
    internal const uint IffUp = 0x1;

    // IFA_* (if_addr.h).
    internal const ushort IfaAddress = 1;
    internal const ushort IfaLocal = 2;
    internal const ushort IfaBroadcast = 4;

    // RTA_* (rtnetlink.h).
    internal const ushort RtaDst = 1;
    internal const ushort RtaSrc = 2;
    internal const ushort RtaOif = 4;
    internal const ushort RtaGateway = 5;
    internal const ushort RtaPrefsrc = 7;
    internal const ushort RtaTable = 15;
    internal const byte RtprotBoot = 3;
    internal const byte RtnUnicast = 1;
    internal const uint RtmFCloned = 0x200;

    // FRA_* (fib_rules.h).
    internal const ushort FraDst = 1;
    internal const ushort FraSrc = 2;
    internal const ushort FraIifname = 3;
    internal const ushort FraPriority = 6;
    internal const ushort FraFwmark = 10;
    internal const ushort FraTable = 15;
    internal const ushort FraFwmask = 16;
    internal const ushort FraOifname = 17;
    internal const byte FrActToTbl = 1;

    // NDA_* (neighbour.h).
    internal const ushort NdaDst = 1;
    internal const ushort NdaLladdr = 2;
    internal const ushort NudPermanent = 0x80;

    internal const int HeaderLength = 16;

    internal static int Align(int length) => (length + 3) & ~3;
}
