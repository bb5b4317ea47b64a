import org.undervolt.snn.*;
import java.nio.file.*;
/** Mix WEIGHTSMODEL THETAMODEL OUT */
public class Mix { public static void main(String[] a) throws Exception {
  SnnModel w = SnnModelFile.read(Path.of(a[0])); SnnModel t = SnnModelFile.read(Path.of(a[1]));
  System.arraycopy(t.theta(), 0, w.theta(), 0, w.neurons()); SnnModelFile.write(w, Path.of(a[2]));
}}
