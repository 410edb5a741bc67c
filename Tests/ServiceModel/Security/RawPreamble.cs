using System.Text;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.Tests.ServiceModel.Security;

/// <summary>The bytes of a duplex preamble up to (not including) the upgrade request or PreambleEnd.</summary>
public static class RawPreamble
{
    public static byte[] Bytes(string via)
    {
        var viaBytes = Encoding.UTF8.GetBytes(via);
        var length = new byte[5];
        var lengthSize = MultiByteInt31.Write(length, viaBytes.Length);
        return [0x00, 0x01, 0x00, 0x01, 0x02, 0x02, .. length[..lengthSize], .. viaBytes, 0x03, 0x08];
    }
}
