package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Images are told apart by their bytes, whatever their name or declared type says. */
class ImageTypesTest {

  @Test
  void recognisesRealImagesByTheirFirstBytes() throws IOException {
    assertThat(ImageTypes.sniff(encode("png"))).contains(ImageTypes.PNG);
    assertThat(ImageTypes.sniff(encode("jpg"))).contains(ImageTypes.JPEG);
    assertThat(ImageTypes.sniff(encode("gif"))).contains(ImageTypes.GIF);
    assertThat(ImageTypes.sniff(ascii("GIF87a\u0001\u0000"))).contains(ImageTypes.GIF);
    assertThat(ImageTypes.sniff(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "))).contains(ImageTypes.WEBP);
  }

  @Test
  void anythingElseIsNoImage() {
    assertThat(ImageTypes.sniff(null)).isEmpty();
    assertThat(ImageTypes.sniff(new byte[0])).isEmpty();
    assertThat(ImageTypes.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
    assertThat(ImageTypes.sniff(ascii("%PDF-1.7"))).isEmpty();
    assertThat(ImageTypes.sniff(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).as("a RIFF that is sound").isEmpty();
    assertThat(ImageTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).as("a cut-off signature").isEmpty();
    assertThat(ImageTypes.sniff(ascii("GIF88a"))).isEmpty();
  }

  private static byte[] encode(String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
