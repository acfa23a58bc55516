package com.answerloop.shared.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Turns images from other servers into plain links. An image in a member's post is fetched by every reader's browser,
 * so a poster could log the addresses of the agents and moderators who read it; a link is fetched only when clicked.
 */
final class RemoteImages {

    private RemoteImages() {}

    static void toLinks(Node document) {
        List<Image> remote = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (isRemote(image.getDestination())) {
                    remote.add(image);
                }
                visitChildren(image);
            }
        });
        for (Image image : remote) {
            Link link = new Link(image.getDestination(), image.getTitle());
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.appendChild(child);
                child = next;
            }
            if (link.getFirstChild() == null) {
                link.appendChild(new Text(image.getDestination()));
            }
            image.insertBefore(link);
            image.unlink();
        }
    }

    /** Anything with a scheme or a host; a path on the portal itself ({@code /kb-assets/...}) stays an image. */
    static boolean isRemote(String destination) {
        String target = destination == null ? "" : destination.strip().toLowerCase(Locale.ROOT);
        return target.startsWith("//") || target.startsWith("\\\\") || target.matches("^[a-z][a-z0-9+.-]*:.*");
    }
}
