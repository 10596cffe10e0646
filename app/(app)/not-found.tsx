// notFound() in a signed-in page: shown inside the layout, so the menu and the sign-out stay.
import { NotFoundBody } from "@/components/shell/not-found-body";

export default function NotFound() {
  return <NotFoundBody home="/" />;
}
